package io.github.clathrin.batch;

import java.util.List;

import io.github.clathrin.encoders.CapFit;
import io.github.clathrin.localizations.LocalizationTable;
import io.github.clathrin.pipeline.Classification;
import io.github.clathrin.pipeline.Model;
import io.github.clathrin.segment.SegmentConfig;
import io.github.clathrin.segment.Segmenter;
import io.github.clathrin.task.InputException;
import io.github.clathrin.task.Progress;

/**
 * One whole cell classified: its table cut into structures by DBSCAN and the size filters, each structure
 * classified and its spherical cap fitted (a whole cell always gets its caps: the summary's closing angles, and
 * a way to judge each structure). What {@code classify --segment} and every cell of a batch do.
 *
 * @param segmentation the table, its clusters and the structures kept
 * @param predictions one per structure, in the structures' order
 * @param caps the cap fitted to each structure, in the same order (null entries: none)
 */
public record CellClassification(Segmenter.Segmentation segmentation, List<Classification.Prediction> predictions,
	List<CapFit.Result> caps)
{
	/**
	 * Segments and classifies one whole-cell table.
	 *
	 * @param where how errors name the table (its path as the user gave it)
	 * @throws InputException when the coordinates cannot be segmented or no structure is found
	 */
	public static CellClassification of(Model model, LocalizationTable table, String where, SegmentConfig config,
		Progress progress)
	{
		return classify(model, segment(table, where, config, progress), where, progress);
	}

	/** DBSCAN and the size filters on one table, with the table named in an error about its coordinates. */
	public static Segmenter.Segmentation segment(LocalizationTable table, String where, SegmentConfig config,
		Progress progress)
	{
		try {
			return new Segmenter(config).segment(table, progress);
		}
		catch (InputException e) {
			throw new InputException(where + ": " + e.getMessage(), e);
		}
	}

	/** Classifies the structures of a segmentation and fits their caps; none found is the user's to fix. */
	public static CellClassification classify(Model model, Segmenter.Segmentation s, String where, Progress progress) {
		if (s.structures().size() == 0)
			throw new InputException(where + ": no structures found (" + s.summary() + ")");
		List<Classification.Prediction> predictions = Classification.classify(model, s.structures(), progress);
		List<CapFit.Result> caps = Classification.explain(s.structures().structures(), progress);
		return new CellClassification(s, predictions, caps);
	}
}
