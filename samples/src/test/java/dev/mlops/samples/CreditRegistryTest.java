package dev.mlops.samples;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.Table;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.PromotionPolicy;
import dev.mlops.api.registry.PromotionRejectedException;
import dev.mlops.testing.TempRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry tests with a temporary registry injected by the JUnit extension. */
class CreditRegistryTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void theFirstModelBecomesChampionAndAWeakerOneIsRefused(@TempRegistry ModelRegistry registry,
      @TempDir Path reports) {
    TrainAndPromote.quietTribuo();
    Table data = CreditData.load();
    TrainAndPromote.Outcome first = TrainAndPromote.run(registry, data, TrainAndPromote.Config.STRONG, reports, "",
        QUIET);
    TrainAndPromote.Outcome second = TrainAndPromote.run(registry, data, TrainAndPromote.Config.WEAK, reports, "",
        QUIET);

    assertThat(first.promoted()).isTrue();
    assertThat(first.quarantined()).isEqualTo(5);
    assertThat(second.promoted()).isFalse();
    assertThat(registry).hasVersions(TrainAndPromote.MODEL, 1, 2)
        .hasAlias(TrainAndPromote.MODEL, TrainAndPromote.CHAMPION).withPassingGate().pointingTo(1);
    assertThat(registry.get(second.version().ref()).lineage().parentVersion()).hasValue(1);
    assertThat(reports.resolve("all-features-gate.json")).exists();
  }

  @Test
  void thePromotionPolicyGuardsTheChampionAliasEvenIfCodeTries(@TempDir Path dir) {
    TrainAndPromote.quietTribuo();
    try (ModelRegistry registry = TrainAndPromote.openRegistry(dir)) {
      Table data = CreditData.load();
      TrainAndPromote.run(registry, data, TrainAndPromote.Config.STRONG, dir.resolve("reports"), "", QUIET);
      TrainAndPromote.Outcome weak = TrainAndPromote.run(registry, data, TrainAndPromote.Config.WEAK,
          dir.resolve("reports"), "", QUIET);
      assertThatThrownBy(() -> registry.setAlias(weak.version().ref(), TrainAndPromote.CHAMPION))
          .isInstanceOf(PromotionRejectedException.class)
          .hasMessageContaining("failed its quality gate");
      assertThat(PromotionPolicy.requirePassingGate().refusal("champion", weak.version())).isNotEqualTo(Optional.empty());
    }
  }
}
