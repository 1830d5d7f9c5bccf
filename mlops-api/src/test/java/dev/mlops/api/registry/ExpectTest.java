package dev.mlops.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExpectTest {
  private static final Optional<ModelRef.Version> UNSET = Optional.empty();
  private static final Optional<ModelRef.Version> AT_3 = Optional.of(ModelRef.version("churn", 3));

  @Test
  void absent_isMetOnlyByAnUnsetAlias() {
    assertThat(Expect.absent().isMetBy(UNSET)).isTrue();
    assertThat(Expect.absent().isMetBy(AT_3)).isFalse();
  }

  @Test
  void version_isMetOnlyByThatVersion() {
    assertThat(Expect.version(3).isMetBy(AT_3)).isTrue();
    assertThat(Expect.version(4).isMetBy(AT_3)).isFalse();
    assertThat(Expect.version(3).isMetBy(UNSET)).isFalse();
    assertThat(Expect.version(3)).isEqualTo(new Expect.AtVersion(3));
    assertThatThrownBy(() -> Expect.version(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version numbers start at 1, was 0");
  }

  @Test
  void any_isMetByEveryState() {
    assertThat(Expect.any().isMetBy(UNSET)).isTrue();
    assertThat(Expect.any().isMetBy(AT_3)).isTrue();
    assertThatThrownBy(() -> Expect.any().isMetBy(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("current");
  }

  @Test
  void toString_readsAsTheFactoryCall() {
    assertThat(Expect.absent()).hasToString("Expect.absent()");
    assertThat(Expect.version(3)).hasToString("Expect.version(3)");
    assertThat(Expect.any()).hasToString("Expect.any()");
  }

  @Test
  void conflict_namesWhatWasExpectedAndWhatWasFound() {
    VersionConflictException moved = new VersionConflictException("churn@champion", Expect.version(3),
        OptionalInt.of(5));
    assertThat(moved).hasMessage("churn@champion: expected 3 but found 5; someone else changed it first, re-read and "
        + "retry");
    assertThat(moved.target()).isEqualTo("churn@champion");
    assertThat(moved.expected()).isEqualTo(Expect.version(3));
    assertThat(moved.actual()).hasValue(5);
    assertThat(new VersionConflictException("churn@champion", Expect.absent(), OptionalInt.of(2)))
        .hasMessageStartingWith("churn@champion: expected none but found 2;");
    assertThat(new VersionConflictException("churn@champion", Expect.version(2), OptionalInt.empty()))
        .hasMessageStartingWith("churn@champion: expected 2 but found none;");
  }

  @Test
  void conflict_refusesStatesThatDoNotConflict() {
    assertThatThrownBy(() -> new VersionConflictException("churn@champion", Expect.any(), OptionalInt.of(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expect.any() cannot conflict");
    assertThatThrownBy(() -> new VersionConflictException("churn@champion", Expect.version(2), OptionalInt.of(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no conflict");
  }
}
