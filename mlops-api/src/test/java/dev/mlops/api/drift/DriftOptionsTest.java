package dev.mlops.api.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Correction;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import org.junit.jupiter.api.Test;

class DriftOptionsTest {

  /** A test of one's own that is never run here. */
  private static DriftTest named(String name, double threshold) {
    return new DriftTest() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double threshold() {
        return threshold;
      }

      @Override
      public boolean appliesTo(ColumnType type) {
        return true;
      }

      @Override
      public DriftStatistic measure(Column reference, Column current) {
        return DriftStatistic.distance(0);
      }
    };
  }

  @Test
  void defaultsAreDocumented() {
    DriftOptions d = DriftOptions.defaults();

    assertThat(d.alpha()).isEqualTo(0.05);
    assertThat(d.correction()).isEqualTo(Correction.BENJAMINI_HOCHBERG);
    assertThat(d.autoSampleLimit()).isEqualTo(1000);
    assertThat(d.shareThreshold()).isEqualTo(0.5);
    assertThat(d.bins()).isEqualTo(10);
    assertThat(d.epsilon()).isEqualTo(1e-4);
    assertThat(d.findRole("id")).isEmpty();
    assertThat(d.findTest("income")).isEmpty();
    assertThat(d.methodFor("x", ColumnType.TIMESTAMP, 1000, 1000)).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(d.methodFor("x", ColumnType.INTEGRAL, 1001, 10)).isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
    assertThat(d.methodFor("x", ColumnType.BOOLEAN, 10, 10)).isEqualTo(DriftMethod.CHI_SQUARE);
    assertThat(d.methodFor("x", ColumnType.CATEGORICAL, 10, 1001)).isEqualTo(DriftMethod.JENSEN_SHANNON);
    assertThat(d.thresholdFor("x", DriftMethod.PSI)).isEqualTo(0.2);
    assertThat(d.thresholdFor("x", DriftMethod.MANN_WHITNEY)).isEqualTo(0.05);
    assertThatThrownBy(() -> d.thresholdFor("x", DriftMethod.WASSERSTEIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no default threshold");
  }

  @Test
  void rolesMethodsThresholdsAndTestsArePerColumn() {
    DriftTest median = named("MEDIAN_SHIFT", 2);

    DriftOptions o = DriftOptions.builder().role("customer_id", ColumnRole.IDENTIFIER).ignore("notes")
        .role("default", ColumnRole.TARGET).method("default", DriftMethod.G_TEST).threshold("default", 0.01)
        .test("age", median).defaultThreshold(DriftMethod.PSI, 0.25).build();

    assertThat(o.findRole("customer_id")).contains(ColumnRole.IDENTIFIER);
    assertThat(o.findRole("notes")).contains(ColumnRole.IGNORED);
    assertThat(o.findRole("default")).contains(ColumnRole.TARGET);
    assertThat(o.methodFor("default", ColumnType.CATEGORICAL, 10, 10)).isEqualTo(DriftMethod.G_TEST);
    assertThat(o.thresholdFor("default", DriftMethod.G_TEST)).isEqualTo(0.01);
    assertThat(o.findTest("age")).containsSame(median);
    assertThat(o.thresholdFor("other", DriftMethod.PSI)).isEqualTo(0.25);
  }

  @Test
  void aSettingGivenTwiceThrowsNamingBothCalls() {
    assertThatThrownBy(() -> DriftOptions.builder().method("income", DriftMethod.PSI)
        .method("income", DriftMethod.KOLMOGOROV_SMIRNOV))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'income' was already set by method(\"income\", PSI); cannot also call"
            + " method(\"income\", KOLMOGOROV_SMIRNOV)");
    assertThatThrownBy(() -> DriftOptions.builder().role("id", ColumnRole.IDENTIFIER).ignore("id"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'id' was already set by role(\"id\", IDENTIFIER); cannot also call ignore(\"id\")");
    assertThatThrownBy(() -> DriftOptions.builder().threshold("x", 0.1).threshold("x", 0.2))
        .hasMessage("column 'x' was already set by threshold(\"x\", 0.1); cannot also call threshold(\"x\", 0.2)");
    assertThatThrownBy(() -> DriftOptions.builder().alpha(0.01).alpha(0.05))
        .hasMessage("alpha was already set by alpha(0.01); cannot also call alpha(0.05)");
    assertThatThrownBy(() -> DriftOptions.builder().correction(Correction.NONE).correction(Correction.HOLM))
        .hasMessage("correction was already set by correction(NONE); cannot also call correction(HOLM)");
    assertThatThrownBy(() -> DriftOptions.builder().bins(5).bins(5))
        .hasMessage("bins was already set by bins(5); cannot also call bins(5)");
    assertThatThrownBy(() -> DriftOptions.builder().defaultThreshold(DriftMethod.PSI, 0.1)
        .defaultThreshold(DriftMethod.PSI, 0.3))
        .hasMessage("default threshold of PSI was already set by defaultThreshold(PSI, 0.1); cannot also call"
            + " defaultThreshold(PSI, 0.3)");
    assertThat(DriftOptions.builder().defaultThreshold(DriftMethod.PSI, 0.1).defaultThreshold(DriftMethod.HELLINGER, 0.3)
        .build().thresholdFor("x", DriftMethod.HELLINGER)).isEqualTo(0.3);
  }

  @Test
  void aSettingThatContradictsAnEarlierOneThrowsNamingBothCalls() {
    assertThatThrownBy(() -> DriftOptions.builder().ignore("notes").method("notes", DriftMethod.PSI))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'notes' was already set by ignore(\"notes\"); cannot also call method(\"notes\", PSI)");
    assertThatThrownBy(() -> DriftOptions.builder().method("notes", DriftMethod.PSI).ignore("notes"))
        .hasMessage("column 'notes' was already set by method(\"notes\", PSI); cannot also call ignore(\"notes\")");
    assertThatThrownBy(() -> DriftOptions.builder().threshold("t", 0.1).role("t", ColumnRole.TIMESTAMP))
        .hasMessage("column 't' was already set by threshold(\"t\", 0.1); cannot also call role(\"t\", TIMESTAMP)");
    assertThatThrownBy(() -> DriftOptions.builder().role("id", ColumnRole.IDENTIFIER).test("id", named("MINE", 1)))
        .hasMessage("column 'id' was already set by role(\"id\", IDENTIFIER); cannot also call test(\"id\", MINE)");
    assertThatThrownBy(() -> DriftOptions.builder().test("x", named("MINE", 1)).method("x", DriftMethod.PSI))
        .hasMessage("column 'x' was already set by test(\"x\", MINE); cannot also call method(\"x\", PSI)");
    assertThatThrownBy(() -> DriftOptions.builder().threshold("x", 0.3).test("x", named("MINE", 1)))
        .hasMessage("column 'x' was already set by threshold(\"x\", 0.3); cannot also call test(\"x\", MINE)");
    assertThat(DriftOptions.builder().role("y", ColumnRole.TARGET).method("y", DriftMethod.PSI).threshold("y", 0.3)
        .build().findRole("y")).as("targets are tested, with any method").contains(ColumnRole.TARGET);
  }

  @Test
  void settersValidateAtOnce() {
    assertThatThrownBy(() -> DriftOptions.builder().alpha(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> DriftOptions.builder().role(null, ColumnRole.IGNORED))
        .isInstanceOf(NullPointerException.class).hasMessage("column");
    assertThatThrownBy(() -> DriftOptions.builder().role("x", null))
        .isInstanceOf(NullPointerException.class).hasMessage("role");
    assertThatThrownBy(() -> DriftOptions.builder().test("x", named(" ", 1)))
        .hasMessage("a test's name must not be blank");
    assertThatThrownBy(() -> DriftOptions.builder().test("x", named("MINE", Double.NaN)))
        .hasMessage("test MINE: threshold must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> DriftOptions.builder().test("x", named("KOLMOGOROV_SMIRNOV", 0.01)))
        .hasMessage("'KOLMOGOROV_SMIRNOV' is a built-in method: use method(\"x\", KOLMOGOROV_SMIRNOV) and"
            + " threshold(\"x\", 0.01)");
    assertThatThrownBy(() -> DriftOptions.builder().defaultThreshold(DriftMethod.CHI_SQUARE, 0.1))
        .hasMessage("CHI_SQUARE is a p-value test; its threshold is alpha");
  }
}
