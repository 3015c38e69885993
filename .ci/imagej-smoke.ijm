// CI smoke test of ./clathrin imagej: a class from the plugin jar in plugins/ is reachable through
// ImageJ's plugin class loader. The argument is the file to write the answer to.
File.saveString(call("io.github.clathrin.structures.Labels.yesNo", "1"), getArgument());
run("Quit");
