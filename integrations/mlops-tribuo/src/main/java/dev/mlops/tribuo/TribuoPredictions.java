package dev.mlops.tribuo;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.RegressionPredictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Predictions of a Tribuo model on a Tribuo dataset, for metrics and quality gates. The model's
 * provenance (trainer, hyperparameters, training data, versions) is kept as the predictions'
 * {@code source()}.
 *
 * <pre>{@code
 * ClassificationPredictions p = TribuoPredictions.classification(model, testSet);
 * double auc = Metrics.compute(Metric.ROC_AUC, p);
 * }</pre>
 */
public final class TribuoPredictions {
  private TribuoPredictions() {}

  /**
   * Predicts every example of {@code dataset} with a classification model. The classes are the
   * union of the model's and the dataset's labels, sorted by name (so two models evaluated on one
   * dataset share a class order when they know the same labels). Probabilities are included when
   * the model generates them.
   *
   * @param model the model
   * @param dataset the labelled dataset
   * @return the predictions
   * @throws IllegalArgumentException if the dataset is empty or an example has no known label
   */
  public static ClassificationPredictions classification(Model<Label> model, Dataset<Label> dataset) {
    requireNonNull(model, "model");
    requireNonNull(dataset, "dataset");
    if (dataset.size() == 0) {
      throw new IllegalArgumentException("dataset " + dataset.getSourceDescription() + " is empty");
    }
    TreeSet<String> names = new TreeSet<>();
    model.getOutputIDInfo().getDomain().forEach(l -> names.add(l.getLabel()));
    dataset.getOutputs().forEach(l -> names.add(l.getLabel()));
    names.remove(Label.UNKNOWN);
    List<String> classes = new ArrayList<>(names);
    List<Prediction<Label>> predictions = model.predict(dataset);
    int n = predictions.size();
    String[] truth = new String[n];
    String[] predicted = new String[n];
    boolean scored = model.generatesProbabilities();
    double[][] probabilities = new double[scored ? n : 0][classes.size()];
    int row = 0;
    for (Example<Label> example : dataset) {
      Prediction<Label> prediction = predictions.get(row);
      truth[row] = example.getOutput().getLabel();
      if (Label.UNKNOWN.equals(truth[row])) {
        throw new IllegalArgumentException("example " + row + " of " + dataset.getSourceDescription()
            + " has no label; a quality gate needs labelled data");
      }
      predicted[row] = prediction.getOutput().getLabel();
      if (scored) {
        Map<String, Label> scores = prediction.getOutputScores();
        double sum = 0;
        for (int c = 0; c < classes.size(); c++) {
          Label s = scores.get(classes.get(c));
          probabilities[row][c] = s == null ? 0 : s.getScore();
          sum += probabilities[row][c];
        }
        for (int c = 0; c < classes.size(); c++) {
          probabilities[row][c] /= sum;
        }
      }
      row++;
    }
    ClassificationPredictions p = scored
        ? ClassificationPredictions.of(classes, truth, predicted, probabilities)
        : ClassificationPredictions.of(classes, truth, predicted);
    return p.withSource(model.getProvenance().toString());
  }

  /**
   * Predicts every example of {@code dataset} with a single-output regression model.
   *
   * @param model the model
   * @param dataset the dataset with targets
   * @return the predictions
   * @throws IllegalArgumentException if the dataset is empty or the model has several outputs
   */
  public static RegressionPredictions regression(Model<Regressor> model, Dataset<Regressor> dataset) {
    requireNonNull(model, "model");
    requireNonNull(dataset, "dataset");
    if (dataset.size() == 0) {
      throw new IllegalArgumentException("dataset " + dataset.getSourceDescription() + " is empty");
    }
    List<Prediction<Regressor>> predictions = model.predict(dataset);
    double[] truth = new double[predictions.size()];
    double[] predicted = new double[predictions.size()];
    int row = 0;
    for (Example<Regressor> example : dataset) {
      double[] t = example.getOutput().getValues();
      double[] f = predictions.get(row).getOutput().getValues();
      if (t.length != 1 || f.length != 1) {
        throw new IllegalArgumentException("regression gates take one output; example " + row + " has " + t.length
            + " targets and the model predicts " + f.length);
      }
      truth[row] = t[0];
      predicted[row] = f[0];
      row++;
    }
    return RegressionPredictions.of(truth, predicted).withSource(model.getProvenance().toString());
  }
}
