package io.github.clathrin.fiji;

import ij.ImageJ;
import ij.Menus;

import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;
import java.util.Map;

/**
 * Run in a child JVM on a display: starts ImageJ 1.x without showing it and prints the items of
 * Plugins &gt; Clathrin from the real menu bar, and the class behind each command from
 * {@link Menus#getCommands()}.
 */
public final class MenuProbe {

	public static void main(String[] args) {
		new ImageJ(ImageJ.NO_SHOW);
		MenuBar bar = Menus.getMenuBar();
		for (int i = 0; i < bar.getMenuCount(); i++) {
			Menu menu = bar.getMenu(i);
			if (!"Plugins".equals(menu.getLabel())) continue;
			for (int j = 0; j < menu.getItemCount(); j++) {
				MenuItem item = menu.getItem(j);
				if (item instanceof Menu sub && "Clathrin".equals(sub.getLabel()))
					for (int k = 0; k < sub.getItemCount(); k++) System.out.println("ITEM " + sub.getItem(k).getLabel());
			}
		}
		Map<?, ?> commands = Menus.getCommands(); // a raw Hashtable: label -> class
		for (Object label : commands.keySet())
			if (String.valueOf(commands.get(label)).startsWith("io.github.clathrin"))
				System.out.println("COMMAND " + label + "=" + commands.get(label));
		System.exit(0);
	}
}
