package dev.mlops.core.gate;

import static dev.mlops.core.gate.CriterionResults.fmt;
import static dev.mlops.core.gate.CriterionResults.result;

import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Verdict;
import dev.mlops.core.drift.Corrections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BinomialDistribution;

/** Judges a {@link Criterion.SliceGap}: every large enough slice against the whole set. */
final class SliceGapCheck {
  private SliceGapCheck() {}

  static CriterionResult evaluate(Criterion.SliceGap g, GateInput p, double overall) {
    String attribute = g.slicing().attribute();
    int minSize = g.slicing().minSize();
    String[] values = p.attribute(attribute);
    Map<String, List<Integer>> rowsBySlice = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        rowsBySlice.computeIfAbsent(values[i], k -> new ArrayList<>()).add(i);
      }
    }
    double sign = g.metric().higherIsBetter() ? 1 : -1;
    Optional<Criterion.SliceGap.SliceTest> test = g.test();
    List<String> judged = new ArrayList<>();
    List<Double> gaps = new ArrayList<>();
    List<Double> metricValues = new ArrayList<>();
    List<Double> pValues = new ArrayList<>();
    List<String> small = new ArrayList<>();
    List<String> undefined = new ArrayList<>();
    for (var e : rowsBySlice.entrySet()) {
      int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      if (rows.length < minSize) {
        small.add(e.getKey() + " (" + rows.length + ")");
        continue;
      }
      double v = p.select(rows).metric(g.metric());
      if (Double.isNaN(v) || Double.isNaN(overall)) {
        undefined.add(e.getKey());
        continue;
      }
      judged.add(e.getKey());
      gaps.add(sign * (overall - v));
      metricValues.add(v);
      if (test.isPresent()) {
        int correct = (int) Math.round(v * rows.length);
        double p0 = Math.max(0, Math.min(1, overall - g.maxGap()));
        pValues.add(new BinomialDistribution(null, rows.length, p0).cumulativeProbability(correct));
      }
    }
    double[] adjusted = test.map(t -> Corrections.adjust(pValues.stream().mapToDouble(Double::doubleValue).toArray(),
        t.correction())).orElse(new double[0]);
    List<String> failing = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    double worstGap = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < judged.size(); s++) {
      double gap = gaps.get(s);
      worstGap = Math.max(worstGap, gap);
      if (gap <= g.maxGap()) {
        continue;
      }
      String line = String.format(Locale.ROOT, "%s: %s (gap %s%s)", judged.get(s), fmt(metricValues.get(s)), fmt(gap),
          test.isPresent() ? ", adjusted p " + fmt(adjusted[s]) : "");
      if (test.isEmpty() || adjusted[s] < 1 - test.get().confidence()) {
        failing.add(line);
      } else {
        unsupported.add(line);
      }
    }
    String notes = (small.isEmpty() ? "" : "; below " + minSize + " rows, not judged: " + small)
        + (undefined.isEmpty() ? "" : "; undefined on " + undefined);
    Measurement m = Measurement.of(overall);
    if (adjusted.length > 0) {
      m = m.withPValue(Arrays.stream(adjusted).min().getAsDouble());
    }
    if (!failing.isEmpty()) {
      return result(g, Verdict.FAIL, m, "slices of '" + attribute + "' more than " + fmt(g.maxGap())
          + " worse than overall " + fmt(overall) + ": " + failing + notes);
    }
    if (!unsupported.isEmpty()) {
      return result(g, Verdict.INCONCLUSIVE, m, "slices past the gap without significant evidence ("
          + test.get().correction() + "): " + unsupported + notes);
    }
    if (judged.isEmpty() || !undefined.isEmpty()) {
      return result(g, Verdict.INCONCLUSIVE, m, "no slice of '" + attribute + "' could be judged everywhere" + notes);
    }
    return result(g, Verdict.PASS, m, "largest shortfall of a slice of '" + attribute + "' " + fmt(worstGap) + " <= "
        + fmt(g.maxGap()) + notes);
  }
}
