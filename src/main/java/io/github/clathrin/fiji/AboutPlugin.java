package io.github.clathrin.fiji;

import ij.IJ;

/** Plugins &gt; Clathrin &gt; About Clathrin Classifier: version, licence and where to read more. */
public class AboutPlugin extends ClathrinPlugIn {

	@Override
	protected void runPlugin(String arg) {
		String version = AboutPlugin.class.getPackage().getImplementationVersion();
		String text = TITLE + " " + (version != null ? version : "(development)") + "\n\n"
			+ "Classifies clathrin structures in 3D STORM localization data:\n"
			+ "voxelization, an unsupervised encoder (PCA, soft k-means or hand-made features) and an SVM.\n\n"
			+ "Plugins > Clathrin: Open Localizations, Simulate Demo Data, Train, Classify, Evaluate.\n"
			+ "Every dialog is macro-recordable; see docs/user-guide.md.\n\n"
			+ "GPL-3.0-or-later. https://github.com/clathrin-classifier/clathrin-classifier";
		if (unattended()) IJ.log(text);
		else IJ.showMessage("About " + TITLE, text);
	}
}
