package dev.mlops.tribuo;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Table;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.data.TableBuilder;
import dev.mlops.core.data.Tables;
import dev.mlops.core.monitor.DriftMonitor;
import dev.mlops.core.monitor.MonitoredModel;
import dev.mlops.core.profile.Profiles;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;

/**
 * Connects Tribuo models to a {@link DriftMonitor}, in the model's own feature space: the
 * reference profile is made from the training dataset, and every served {@link Example} is
 * recorded with the features the model knows (absent ones as 0, as Tribuo reads them).
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder(TribuoMonitoring.referenceProfile(trainSet))
 *     .onDrift(event -> alert(event))
 *     .build();
 * MonitoredModel<Example<Label>, Prediction<Label>> served =
 *     TribuoMonitoring.wrap(monitor, model, TribuoMonitoring.probabilityOf("bad"));
 * Prediction<Label> p = served.apply(example);
 * }</pre>
 */
public final class TribuoMonitoring {
  private TribuoMonitoring() {}

  /**
   * Profiles a dataset's features (one numeric column per feature, absent features as 0).
   *
   * @param dataset the training or reference dataset
   * @param <T> the output type
   * @return the profile of its features, without the outputs
   * @throws IllegalArgumentException if the dataset is empty
   */
  public static <T extends Output<T>> TableProfile referenceProfile(Dataset<T> dataset) {
    requireNonNull(dataset, "dataset");
    if (dataset.size() == 0) {
      throw new IllegalArgumentException("dataset " + dataset.getSourceDescription() + " is empty");
    }
    String output = "__output";
    while (dataset.getFeatureIDMap().get(output) != null) {
      output = "_" + output;
    }
    Table table = TribuoTables.fromDataset(dataset, output);
    TableBuilder features = Tables.builder();
    for (String name : table.columnNames()) {
      if (!name.equals(output) && !name.startsWith(output + ".")) {
        features.add(table.column(name));
      }
    }
    return Profiles.of(features.build());
  }

  /**
   * Wraps a model so that the monitor records each example's features and the prediction's score.
   *
   * @param monitor the monitor, built on {@link #referenceProfile} of the model's training data
   * @param model the model
   * @param score the score of a prediction to record (see {@link #probabilityOf})
   * @param <T> the output type
   * @return the monitored model
   */
  public static <T extends Output<T>> MonitoredModel<Example<T>, Prediction<T>> wrap(DriftMonitor monitor,
      Model<T> model, ToDoubleFunction<? super Prediction<T>> score) {
    requireNonNull(monitor, "monitor");
    requireNonNull(model, "model");
    requireNonNull(score, "score");
    ImmutableFeatureMap known = model.getFeatureIDMap();
    String[] names = new String[known.size()];
    int i = 0;
    for (VariableInfo info : known) {
      names[i++] = info.getName();
    }
    return monitor.wrap(model::predict, example -> {
      Map<String, Object> row = new HashMap<>(names.length * 2);
      for (String name : names) {
        row.put(name, 0.0);
      }
      for (Feature f : example) {
        if (row.containsKey(f.getName())) {
          row.put(f.getName(), f.getValue());
        }
      }
      return row;
    }, score);
  }

  /**
   * The probability (or score) a classification gives to one label; NaN when the model gives it
   * none.
   *
   * @param label the label, for instance the positive class
   * @return a score function
   */
  public static ToDoubleFunction<Prediction<Label>> probabilityOf(String label) {
    requireNonNull(label, "label");
    return prediction -> {
      Label l = prediction.getOutputScores().get(label);
      return l == null ? Double.NaN : l.getScore();
    };
  }
}
