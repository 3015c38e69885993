// Train a model on simulated demo data, then classify the same structures.
// Run in Fiji (Plugins > Macros > Run...) or headless:
//   ImageJ-linux64 --headless -batch train-and-classify.ijm /path/to/work-folder
// The argument is the work folder (default: a folder in the temp directory).
work = getArgument();
if (work == "") work = getDirectory("temp") + "clathrin-demo";
if (!endsWith(work, File.separator)) work = work + File.separator;
File.makeDirectory(work);

run("Simulate Demo Data...", "output=[" + work + "simulated] structures=60 labelled=30 seed=3");
run("Train...", "input=[" + work + "simulated" + File.separator + "structures] labels=[" + work + "simulated"
	+ File.separator + "labels.csv] encoder=pca seed=3 model=[" + work + "model.zip]");
run("Classify", "model=[" + work + "model.zip] input=[" + work + "simulated" + File.separator + "structures] labels=["
	+ work + "simulated" + File.separator + "labels.csv] output=[" + work + "results.csv]");
print("train-and-classify: done, results in " + work + "results.csv");
