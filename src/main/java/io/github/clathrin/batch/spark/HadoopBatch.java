package io.github.clathrin.batch.spark;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import io.github.clathrin.batch.BatchInputs;
import io.github.clathrin.batch.BatchJob;
import io.github.clathrin.batch.BatchOutput;
import io.github.clathrin.batch.BatchRun;
import io.github.clathrin.batch.CellOutcome;
import io.github.clathrin.batch.CellTask;
import io.github.clathrin.localizations.LocalizationReaders;
import io.github.clathrin.pipeline.ModelFile;
import io.github.clathrin.structures.StructureLoader;
import io.github.clathrin.task.AtomicFiles;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * A batch whose model, cells or output folder are on one of Hadoop's file systems ({@code hdfs://},
 * {@code s3a://}, whatever the cluster's Hadoop configuration knows). The driver reads the model, lists the cells
 * and writes the summary there; each task copies its cell to the executor's local disk ({@code java.io.tmpdir}),
 * runs {@link CellTask} on the copy exactly as for a local file, and copies the results file back under a
 * temporary name that it then renames: a results file is whole or absent, and a retried task replaces it.
 * Messages name the cells and files as the user gave them, never the local copies.
 */
final class HadoopBatch {

	private HadoopBatch() {}

	/** The whole batch: the same files and checks as a batch of local files. */
	static BatchRun run(JavaSparkContext sc, BatchJob job, String input, Progress progress) {
		Configuration conf = sc.hadoopConfiguration();
		byte[] model = readModel(conf, job.model());
		List<String> classNames = classNames(model, job.model());
		List<String> warnings = new ArrayList<>();
		List<String> cells = cells(conf, input, warnings);
		List<String> names = cells.stream().map(HadoopBatch::cellName).toList();
		BatchInputs.refuseSameResults(input, cells, names);
		Path out = new Path(job.output());
		refuseReplacingInputs(conf, out, input, job.model(), cells, names);
		mkdirs(conf, out);

		Broadcast<byte[]> bytes = sc.broadcast(model);
		Broadcast<ShippedConfiguration> shipped = sc.broadcast(new ShippedConfiguration(conf));
		try {
			List<CellOutcome> outcomes = SparkEngine.classifyAll(sc, cells, cell -> classify(job, shipped.value(),
				bytes, cell), progress);
			return BatchRun.finish(job, names, outcomes, classNames, warnings, new Output(conf, out));
		}
		finally {
			bytes.destroy();
			shipped.destroy();
		}
	}

	/** One task: the cell copied here, classified as a local file, its results copied back. */
	static CellOutcome classify(BatchJob job, ShippedConfiguration conf, Broadcast<byte[]> model, String cell) {
		String name = cellName(cell);
		java.nio.file.Path here = null;
		try {
			here = Files.createTempDirectory("clathrin-cell-");
			java.nio.file.Path copy = here.resolve(name), results = Files.createDirectories(here.resolve("results"));
			Output out = new Output(conf.get(), new Path(job.output()));
			String resultName = BatchJob.resultName(name);
			try {
				Path from = new Path(cell);
				try (InputStream in = from.getFileSystem(conf.get()).open(from)) {
					Files.copy(in, copy);
				}
				// Skipping a cell whose results exist reads them, as for a local batch: they come here too.
				if (job.skipExisting() && out.exists(resultName)) out.copyTo(resultName, results.resolve(resultName));
			}
			catch (FileNotFoundException e) {
				return CellOutcome.failed(name, CellOutcome.Kind.INPUT, cell + ": not found");
			}
			catch (IOException e) {
				return CellOutcome.failed(name, CellOutcome.Kind.INPUT, cell + ": cannot be read (" + e.getMessage()
					+ ")");
			}
			CellOutcome o = CellTask.run(job.withOutput(results.toString()), SparkEngine.ExecutorModels.get(model), copy,
				Progress.NONE);
			if (o.failed()) return CellOutcome.failed(name, o.kind(), o.error().replace(copy.toString(), cell).replace(
				results.toString(), job.output()));
			if (o.kind() == CellOutcome.Kind.CLASSIFIED) try {
				java.nio.file.Path written = results.resolve(resultName);
				out.write(resultName, stream -> Files.copy(written, stream));
			}
			catch (IOException e) {
				return CellOutcome.failed(name, CellOutcome.Kind.INPUT, out.locate(resultName) + ": cannot write "
					+ "results (" + e.getMessage() + ")");
			}
			return o;
		}
		catch (IOException e) {
			throw new UncheckedIOException("no room for a local copy of " + cell + " in " + System.getProperty(
				"java.io.tmpdir") + " (set -Djava.io.tmpdir in spark.executor.extraJavaOptions)", e);
		}
		finally {
			if (here != null) deleteTree(here);
		}
	}

	/** A cell's name as the summary lists it: its file name, as for a local cell. */
	static String cellName(String cell) {
		return new Path(cell).getName();
	}

	private static byte[] readModel(Configuration conf, String model) {
		try {
			Path p = new Path(model);
			FileSystem fs = p.getFileSystem(conf);
			if (!fs.getFileStatus(p).isFile()) throw new InputException(model + ": model file is not a file");
			try (InputStream in = fs.open(p)) {
				return in.readAllBytes();
			}
		}
		catch (FileNotFoundException e) {
			throw new InputException(model + ": model file not found");
		}
		catch (IOException e) {
			throw new InputException(model + ": cannot read the model (" + e.getMessage() + ")", e);
		}
	}

	/** The model's classes, read from a local copy of its bytes (a wrong file fails here, before any cell). */
	private static List<String> classNames(byte[] model, String where) {
		java.nio.file.Path copy = null;
		try {
			copy = Files.createTempFile("clathrin-model-", ".zip");
			java.nio.file.Path file = copy;
			AtomicFiles.write(file, o -> o.write(model));
			return ModelFile.read(file).classNames();
		}
		catch (InputException e) {
			throw new InputException(e.getMessage().replace(String.valueOf(copy), where), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write a local copy of the model", e);
		}
		finally {
			if (copy != null) deleteTree(copy);
		}
	}

	/**
	 * The cells of a folder (its tables, as {@link BatchInputs} takes them: known extensions, not hidden, not a
	 * labels or results file) or of a list file (one location per line, relative to the list's folder), sorted
	 * by name.
	 */
	static List<String> cells(Configuration conf, String input, List<String> warnings) {
		Path in = new Path(input);
		List<String> cells = new ArrayList<>();
		try {
			FileSystem fs = in.getFileSystem(conf);
			FileStatus status;
			try {
				status = fs.getFileStatus(in);
			}
			catch (FileNotFoundException e) {
				throw new InputException(input + ": input not found");
			}
			if (status.isDirectory()) {
				List<String> extensions = StructureLoader.tableExtensions(), notTables = new ArrayList<>();
				FileStatus[] files = fs.listStatus(in);
				java.util.Arrays.sort(files, Comparator.comparing(f -> f.getPath().getName()));
				for (FileStatus f : files) {
					String name = f.getPath().getName();
					int dot = name.lastIndexOf('.');
					if (!f.isFile() || name.startsWith(".") || dot < 0 || !extensions.contains(name.substring(dot + 1)
						.toLowerCase(Locale.ROOT))) continue;
					String why;
					try (InputStream head = fs.open(f.getPath())) {
						why = LocalizationReaders.notLocalizations(java.nio.file.Path.of(name), head.readNBytes(
							LocalizationReaders.HEAD_BYTES));
					}
					if (why == null) cells.add(f.getPath().toString());
					else notTables.add(name + " (" + why + ")");
				}
				if (!notTables.isEmpty()) warnings.add(input + ": left out " + notTables.size() + (notTables.size() == 1
					? " file that holds" : " files that hold") + " no localization table: " + String.join(", ",
						notTables));
				if (cells.isEmpty()) throw new InputException(input + ": no localization tables (."
					+ String.join(" .", extensions) + ") in this folder");
			}
			else cells.addAll(listed(fs, in, input));
		}
		catch (IOException e) {
			throw new InputException(input + ": cannot list the cells (" + e.getMessage() + ")", e);
		}
		cells.sort(Comparator.comparing(HadoopBatch::cellName).thenComparing(Comparator.naturalOrder()));
		return cells;
	}

	private static List<String> listed(FileSystem fs, Path list, String input) throws IOException {
		List<String> out = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(fs.open(list), StandardCharsets.UTF_8))) {
			int n = 0;
			for (String line; (line = lines.readLine()) != null;) {
				n++;
				line = line.strip();
				if (line.isEmpty() || line.startsWith("#")) continue;
				Path p;
				try {
					p = new Path(list.getParent(), line); // an absolute path or a URI stands as it is
				}
				catch (IllegalArgumentException e) {
					throw new InputException(input + ", line " + n + ": '" + line + "' is no path");
				}
				FileSystem cellFs = p.getFileSystem(fs.getConf());
				if (!cellFs.exists(p) || !cellFs.getFileStatus(p).isFile()) throw new InputException(input + ", line "
					+ n + ": " + p + (cellFs.exists(p) ? " is not a file" : " not found") + " (a list of cells names one "
						+ "table per line)");
				out.add(p.toString());
			}
		}
		if (out.isEmpty()) throw new InputException(input + ": lists no cells (one table per line)");
		return out;
	}

	/** The output folder may be neither the input folder nor a file, and no output file the model or a cell. */
	private static void refuseReplacingInputs(Configuration conf, Path out, String input, String model,
		List<String> cells, List<String> names)
	{
		try {
			if (qualified(conf, out).equals(qualified(conf, new Path(input)))) throw new InputException("--out " + out
				+ " is the input folder, where the run would write among its own inputs: refusing to write into it "
				+ "(nothing was run); choose another folder");
			Set<Path> inputs = new HashSet<>();
			inputs.add(qualified(conf, new Path(model)));
			for (String c : cells) inputs.add(qualified(conf, new Path(c)));
			List<String> outputs = new ArrayList<>(List.of(BatchJob.SUMMARY, BatchJob.SUMMARY_PLOT));
			names.forEach(n -> outputs.add(BatchJob.resultName(n)));
			for (String o : outputs) {
				Path p = qualified(conf, new Path(out, o));
				if (inputs.contains(p)) throw new InputException("--out " + out + " is where this run writes over the "
					+ "input " + p + ": refusing to overwrite it (nothing was run); choose another folder");
			}
			FileSystem fs = out.getFileSystem(conf);
			if (fs.exists(out) && !fs.getFileStatus(out).isDirectory())
				throw new InputException(out + ": is a file, not a folder");
		}
		catch (IOException e) {
			throw new InputException(out + ": cannot check the output folder (" + e.getMessage() + ")", e);
		}
	}

	private static Path qualified(Configuration conf, Path p) throws IOException {
		return p.getFileSystem(conf).makeQualified(p);
	}

	private static void mkdirs(Configuration conf, Path out) {
		try {
			if (!out.getFileSystem(conf).mkdirs(out)) throw new IOException("mkdirs returned false");
		}
		catch (IOException e) {
			throw new InputException(out + ": cannot create the output folder (" + e.getMessage() + ")", e);
		}
	}

	private static void deleteTree(java.nio.file.Path p) {
		try (var files = Files.walk(p)) {
			for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files.sorted(Comparator.reverseOrder())::iterator)
				Files.deleteIfExists(f);
		}
		catch (IOException | UncheckedIOException e) {
			// a leftover in the executor's temporary folder costs disk, not data
		}
	}

	/**
	 * The output folder on a Hadoop file system: each file written to {@code .<name>.<random>.part} beside it,
	 * then renamed over it (where the file system's rename does not replace, the old file is deleted first).
	 */
	static final class Output implements BatchOutput {

		private final Configuration conf;
		private final Path folder;

		Output(Configuration conf, Path folder) {
			this.conf = conf;
			this.folder = folder;
		}

		@Override
		public void write(String name, AtomicFiles.Content content) throws IOException {
			Path target = new Path(folder, name), part = new Path(folder, "." + name + "." + UUID.randomUUID() + ".part");
			FileSystem fs = target.getFileSystem(conf);
			try {
				try (OutputStream o = new BufferedOutputStream(fs.create(part, false), 1 << 16)) {
					content.writeTo(o);
				}
				if (fs.rename(part, target)) return;
				if (fs.exists(target) && fs.delete(target, false) && fs.rename(part, target)) return;
				throw new IOException("cannot rename " + part + " to " + target);
			}
			finally {
				if (fs.exists(part)) fs.delete(part, false);
			}
		}

		@Override
		public String locate(String name) {
			return new Path(folder, name).toString();
		}

		boolean exists(String name) throws IOException {
			Path p = new Path(folder, name);
			return p.getFileSystem(conf).exists(p);
		}

		void copyTo(String name, java.nio.file.Path local) throws IOException {
			Path p = new Path(folder, name);
			try (InputStream in = p.getFileSystem(conf).open(p)) {
				Files.copy(in, local);
			}
		}
	}
}
