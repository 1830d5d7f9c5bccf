package dev.mlops.api.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Correction;
import dev.mlops.api.common.Severity;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CriterionBuildersTest {

  private static void conflict(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(IllegalStateException.class).hasMessage(message);
  }

  private static void invalid(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  private static Criterion.AbsoluteBound.Builder bound() {
    return Criterion.AbsoluteBound.builder("floor", Metric.ROC_AUC);
  }

  private static Criterion.BaselineChange.Builder change() {
    return Criterion.BaselineChange.builder("nr", Metric.ROC_AUC);
  }

  private static Criterion.SupportedChange.Builder accuracy() {
    return Criterion.SupportedChange.builder("acc", Metric.ACCURACY);
  }

  private static Criterion.SupportedChange.Builder auc() {
    return Criterion.SupportedChange.builder("auc", Metric.ROC_AUC);
  }

  private static Criterion.SliceGap.Builder slices() {
    return Criterion.SliceGap.builder("by age", Metric.ACCURACY, "age_band");
  }

  @Test
  void absoluteBound_buildsTheRecordAndRejectsASecondBoundNamingBoth() {
    assertThat(bound().reaches(0.8).build())
        .isEqualTo(new Criterion.AbsoluteBound("floor", Metric.ROC_AUC, 0.8,
            Criterion.AbsoluteBound.Inclusion.INCLUSIVE, Severity.ERROR));
    assertThat(bound().exceeds(0.8).severity(Severity.WARNING).build())
        .isEqualTo(new Criterion.AbsoluteBound("floor", Metric.ROC_AUC, 0.8,
            Criterion.AbsoluteBound.Inclusion.EXCLUSIVE, Severity.WARNING));

    conflict(() -> bound().reaches(0.8).exceeds(0.9),
        "criterion 'floor': the bound was already set to reaches(0.8); cannot also set exceeds(0.9)");
    conflict(() -> bound().reaches(0.8).reaches(0.7),
        "criterion 'floor': the bound was already set to reaches(0.8); cannot also set reaches(0.7)");
    conflict(() -> bound().severity(Severity.WARNING).severity(Severity.ERROR),
        "criterion 'floor': severity was already set to severity(WARNING); cannot also set severity(ERROR)");
    conflict(() -> bound().build(), "criterion 'floor': set the bound with reaches(bound) or exceeds(bound)");
  }

  @Test
  void baselineChange_coversAbsoluteAndRelativeChangesAndDefaultsToNoDrop() {
    assertThat(change().build().minAbsoluteChange()).isEqualTo(OptionalDouble.of(0.0));
    assertThat(change().build().minRelativeChange()).isEmpty();
    assertThat(change().maxAbsoluteDrop(0.01).build().minAbsoluteChange()).isEqualTo(OptionalDouble.of(-0.01));
    assertThat(change().minAbsoluteChange(0.02).build().minAbsoluteChange()).isEqualTo(OptionalDouble.of(0.02));
    Criterion.BaselineChange relative = change().maxRelativeDrop(0.1).severity(Severity.WARNING).build();
    assertThat(relative.minAbsoluteChange()).as("no default when a relative change is set").isEmpty();
    assertThat(relative.minRelativeChange()).isEqualTo(OptionalDouble.of(-0.1));
    assertThat(relative.severity()).isEqualTo(Severity.WARNING);
    assertThat(change().minRelativeChange(0.05).minAbsoluteChange(0).build())
        .isEqualTo(new Criterion.BaselineChange("nr", Metric.ROC_AUC, OptionalDouble.of(0), OptionalDouble.of(0.05),
            Severity.ERROR));
  }

  @Test
  void baselineChange_rejectsASecondAbsoluteOrRelativeChangeNamingBoth() {
    conflict(() -> change().maxAbsoluteDrop(0.0).minAbsoluteChange(0.01),
        "criterion 'nr': the absolute change was already set to maxAbsoluteDrop(0.0); cannot also set"
            + " minAbsoluteChange(0.01)");
    conflict(() -> change().minAbsoluteChange(0.01).maxAbsoluteDrop(0.02),
        "criterion 'nr': the absolute change was already set to minAbsoluteChange(0.01); cannot also set"
            + " maxAbsoluteDrop(0.02)");
    conflict(() -> change().minRelativeChange(0.05).maxRelativeDrop(0.1),
        "criterion 'nr': the relative change was already set to minRelativeChange(0.05); cannot also set"
            + " maxRelativeDrop(0.1)");
    conflict(() -> change().maxRelativeDrop(0.1).minRelativeChange(0.05),
        "criterion 'nr': the relative change was already set to maxRelativeDrop(0.1); cannot also set"
            + " minRelativeChange(0.05)");
    conflict(() -> change().severity(Severity.WARNING).severity(Severity.WARNING),
        "criterion 'nr': severity was already set to severity(WARNING); cannot also set severity(WARNING)");
  }

  @Test
  void supportedChange_buildsEachKindOfEvidenceWithDocumentedDefaults() {
    Criterion.SupportedChange defaults = auc().pairedBootstrap(1_000, 42).build();
    assertThat(defaults).isEqualTo(new Criterion.SupportedChange("auc", Metric.ROC_AUC,
        new Criterion.Evidence.PairedBootstrap(1_000, 42, 0.0), Criterion.SupportedChange.DEFAULT_CONFIDENCE,
        Criterion.SupportedChange.DEFAULT_MIN_SAMPLES, Severity.ERROR));
    assertThat(defaults.confidence()).isEqualTo(0.95);
    assertThat(defaults.minSamples()).isEqualTo(30);
    assertThat(auc().margin(0.01).pairedBootstrap(1_000, 42).confidence(0.9).minSamples(100).build().evidence())
        .as("the margin may come before the bootstrap").isEqualTo(new Criterion.Evidence.PairedBootstrap(1_000, 42, 0.01));
    assertThat(accuracy().mcNemar().build().evidence()).isEqualTo(Criterion.Evidence.SignificanceTest.MCNEMAR_EXACT);
    assertThat(accuracy().mcNemarMidP().build().evidence()).isEqualTo(Criterion.Evidence.SignificanceTest.MCNEMAR_MID_P);
    assertThat(auc().deLong().severity(Severity.WARNING).build())
        .isEqualTo(new Criterion.SupportedChange("auc", Metric.ROC_AUC, Criterion.Evidence.SignificanceTest.DELONG,
            0.95, 30, Severity.WARNING));
  }

  @Test
  void supportedChange_rejectsEveryContradictionNamingBothCalls() {
    conflict(() -> accuracy().pairedBootstrap(1_000, 42).mcNemar(),
        "criterion 'acc': the evidence was already set to pairedBootstrap(1000, 42); cannot also set mcNemar()");
    conflict(() -> accuracy().mcNemar().pairedBootstrap(1_000, 42),
        "criterion 'acc': the evidence was already set to mcNemar(); cannot also set pairedBootstrap(1000, 42)");
    conflict(() -> accuracy().mcNemar().mcNemarMidP(),
        "criterion 'acc': the evidence was already set to mcNemar(); cannot also set mcNemarMidP()");
    conflict(() -> auc().pairedBootstrap(1_000, 42).deLong(),
        "criterion 'auc': the evidence was already set to pairedBootstrap(1000, 42); cannot also set deLong()");
    conflict(() -> auc().pairedBootstrap(1_000, 42).pairedBootstrap(2_000, 7),
        "criterion 'auc': the evidence was already set to pairedBootstrap(1000, 42); cannot also set"
            + " pairedBootstrap(2000, 7)");
    conflict(() -> accuracy().margin(0.01).mcNemar(),
        "criterion 'acc': margin was already set to margin(0.01); cannot also set mcNemar() (a margin applies to"
            + " pairedBootstrap only)");
    conflict(() -> auc().deLong().margin(0.01),
        "criterion 'auc': the evidence was already set to deLong(); cannot also set margin(0.01) (a margin applies"
            + " to pairedBootstrap only)");
    conflict(() -> auc().margin(0.0).margin(0.01),
        "criterion 'auc': margin was already set to margin(0.0); cannot also set margin(0.01)");
    conflict(() -> auc().confidence(0.95).confidence(0.9),
        "criterion 'auc': confidence was already set to confidence(0.95); cannot also set confidence(0.9)");
    conflict(() -> auc().minSamples(100).minSamples(10),
        "criterion 'auc': minSamples was already set to minSamples(100); cannot also set minSamples(10)");
    conflict(() -> auc().severity(Severity.ERROR).severity(Severity.WARNING),
        "criterion 'auc': severity was already set to severity(ERROR); cannot also set severity(WARNING)");
    conflict(() -> auc().margin(0.0).build(), "criterion 'auc': set the evidence with pairedBootstrap(resamples,"
        + " seed), mcNemar(), mcNemarMidP() or deLong()");
  }

  @Test
  void supportedChange_validatesEachArgumentAtOnce() {
    invalid(() -> auc().pairedBootstrap(50, 1), "criterion 'auc': resamples must be >= 100, was 50");
    invalid(() -> auc().margin(Double.NaN), "criterion 'auc': margin must be finite, was NaN");
    invalid(() -> auc().confidence(1.0), "criterion 'auc': confidence must be in (0, 1), was 1.0");
    invalid(() -> auc().minSamples(0), "criterion 'auc': minSamples must be >= 1, was 0");
    invalid(() -> auc().mcNemarMidP(), "criterion 'auc': mcNemarMidP() tests ACCURACY, not ROC_AUC");
    invalid(() -> accuracy().deLong(), "criterion 'acc': deLong() tests ROC_AUC, not ACCURACY");
    assertThatThrownBy(() -> auc().severity(null)).isInstanceOf(NullPointerException.class).hasMessage("severity");
    assertThatThrownBy(() -> Criterion.SupportedChange.builder("auc", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("metric");
    invalid(() -> Criterion.SupportedChange.builder(" ", Metric.ROC_AUC), "a criterion name must not be blank");
    invalid(() -> new Criterion.Evidence.PairedBootstrap(99, 1, 0), "resamples must be >= 100, was 99");
  }

  @Test
  void sliceGap_buildsWithDefaultsAndRejectsEveryRepeatedSettingNamingBoth() {
    assertThat(slices().maxGap(0.1).build()).isEqualTo(new Criterion.SliceGap("by age", Metric.ACCURACY,
        new Criterion.SliceGap.Slicing("age_band", Criterion.SliceGap.DEFAULT_MIN_SLICE_SIZE), 0.1, Optional.empty(),
        Severity.ERROR));
    assertThat(slices().maxGap(0.1).minSliceSize(40).tested(Correction.HOLM, 0.9).severity(Severity.WARNING).build())
        .isEqualTo(new Criterion.SliceGap("by age", Metric.ACCURACY, new Criterion.SliceGap.Slicing("age_band", 40),
            0.1, Optional.of(new Criterion.SliceGap.SliceTest(Correction.HOLM, 0.9)), Severity.WARNING));

    conflict(() -> slices().maxGap(0.1).maxGap(0.2),
        "criterion 'by age': maxGap was already set to maxGap(0.1); cannot also set maxGap(0.2)");
    conflict(() -> slices().minSliceSize(30).minSliceSize(40),
        "criterion 'by age': minSliceSize was already set to minSliceSize(30); cannot also set minSliceSize(40)");
    conflict(() -> slices().tested(Correction.HOLM, 0.95).tested(Correction.BONFERRONI, 0.95),
        "criterion 'by age': the slice test was already set to tested(HOLM, 0.95); cannot also set"
            + " tested(BONFERRONI, 0.95)");
    conflict(() -> slices().severity(Severity.WARNING).severity(Severity.ERROR),
        "criterion 'by age': severity was already set to severity(WARNING); cannot also set severity(ERROR)");
    conflict(() -> slices().minSliceSize(30).build(), "criterion 'by age': set maxGap(gap)");
  }

  @Test
  void sliceGap_validatesEachArgumentAtOnce() {
    invalid(() -> slices().maxGap(-0.1), "criterion 'by age': maxGap must be finite and >= 0, was -0.1");
    invalid(() -> slices().minSliceSize(0), "criterion 'by age': minSliceSize must be >= 1, was 0");
    invalid(() -> slices().tested(Correction.NONE, 0.95), "criterion 'by age': a slice test needs a correction"
        + " (BONFERRONI, HOLM or BENJAMINI_HOCHBERG), not NONE; leave the test out for a plain gap");
    invalid(() -> slices().tested(Correction.HOLM, 0), "criterion 'by age': confidence must be in (0, 1), was 0.0");
    assertThatThrownBy(() -> Criterion.SliceGap.builder("s", Metric.ACCURACY, null))
        .isInstanceOf(NullPointerException.class).hasMessage("attribute");
    invalid(() -> new Criterion.SliceGap.Slicing("age_band", 0), "minSize must be >= 1, was 0");
  }

  @Test
  void absoluteAndBaselineBuilders_validateEachArgumentAtOnce() {
    invalid(() -> bound().reaches(Double.NaN), "criterion 'floor': bound must be finite, was NaN");
    invalid(() -> bound().exceeds(Double.POSITIVE_INFINITY), "criterion 'floor': bound must be finite, was Infinity");
    invalid(() -> change().maxAbsoluteDrop(-0.01), "criterion 'nr': maxAbsoluteDrop must be finite and >= 0, was -0.01");
    invalid(() -> change().maxRelativeDrop(Double.NaN), "criterion 'nr': maxRelativeDrop must be finite and >= 0, was NaN");
    invalid(() -> change().minAbsoluteChange(Double.NEGATIVE_INFINITY),
        "criterion 'nr': minAbsoluteChange must be finite, was -Infinity");
    invalid(() -> change().minRelativeChange(Double.NaN), "criterion 'nr': minRelativeChange must be finite, was NaN");
    invalid(() -> new Criterion.BaselineChange("c", Metric.ACCURACY, OptionalDouble.of(Double.NaN),
        OptionalDouble.empty(), Severity.ERROR), "criterion 'c': minAbsoluteChange must be finite, was NaN");
    assertThatThrownBy(() -> bound().severity(null)).isInstanceOf(NullPointerException.class).hasMessage("severity");
    assertThatThrownBy(() -> Criterion.BaselineChange.builder(null, Metric.ACCURACY))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
  }
}
