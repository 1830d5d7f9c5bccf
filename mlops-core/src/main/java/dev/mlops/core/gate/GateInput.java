package dev.mlops.core.gate;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;

/** Predictions of either kind, as the criteria need them. */
sealed interface GateInput permits GateInput.Classified, GateInput.Regressed {

  double metric(Metric metric);

  GateInput select(int[] rows);

  int size();

  /** A row attribute's values. */
  String[] attribute(String name);

  /** The classification predictions, for the tests that only apply to them. */
  ClassificationPredictions classification();

  /** Classification predictions. */
  record Classified(ClassificationPredictions p) implements GateInput {
    @Override
    public double metric(Metric metric) {
      return Metrics.compute(metric, p);
    }

    @Override
    public GateInput select(int[] rows) {
      return new Classified(p.select(rows));
    }

    @Override
    public int size() {
      return p.size();
    }

    @Override
    public String[] attribute(String name) {
      return p.attribute(name);
    }

    @Override
    public ClassificationPredictions classification() {
      return p;
    }
  }

  /** Regression predictions. */
  record Regressed(RegressionPredictions p) implements GateInput {
    @Override
    public double metric(Metric metric) {
      return Metrics.compute(metric, p);
    }

    @Override
    public GateInput select(int[] rows) {
      return new Regressed(p.select(rows));
    }

    @Override
    public int size() {
      return p.size();
    }

    @Override
    public String[] attribute(String name) {
      return p.attribute(name);
    }

    @Override
    public ClassificationPredictions classification() {
      throw new IllegalStateException("regression predictions have no classes");
    }
  }
}
