// Classify every localization file of a folder with a trained model.
//  - a folder with one file per structure gives one results CSV;
//  - a folder of whole tables with an ROI column gives one "<name>-results.csv" per table in the
//    output folder; finished results are skipped, a failing file is logged and the rest carry on.
// Run in Fiji (Plugins > Macros > Run...) or headless:
//   ImageJ-linux64 --headless -batch batch-classify.ijm "model=/m.zip input=/data output=/out roi_column=roi"
// Without an argument the macro asks for the files.
arg = getArgument();
model = value(arg, "model");
input = value(arg, "input");
output = value(arg, "output");
roi = value(arg, "roi_column");
if (model == "") model = File.openDialog("Model file (.zip)");
if (input == "") input = getDirectory("Folder of localization files");
if (output == "") output = getDirectory("Output folder") + "results.csv";

options = "model=[" + model + "] input=[" + input + "] output=[" + output + "]";
if (roi != "") options = options + " roi_column=" + roi + " skip_existing";
// To also draw every classified structure into one gallery image (PNG or TIFF, no window; not for a
// folder of tables), add a render path:
// options = options + " render=[" + output + "-gallery.png]";
run("Classify", options);
print("batch-classify: done, results in " + output);

// The value of "key=value" in a space-separated argument (values without spaces), or "".
function value(text, key) {
	parts = split(text, " ");
	for (i = 0; i < parts.length; i++)
		if (startsWith(parts[i], key + "=")) return substring(parts[i], lengthOf(key) + 1);
	return "";
}
