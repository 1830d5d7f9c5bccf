package dev.mlops.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RegistryBuildersTest {
  private static final Artifact ARTIFACT = new Artifact("sha256:" + "a".repeat(64), 3, "bytes");

  private static ModelVersion.Builder minimal() {
    return ModelVersion.builder().name("churn").version(2).created(Instant.EPOCH).artifact(ARTIFACT);
  }

  @Test
  void modelVersion_settingAValueTwiceNamesBoth() {
    assertThatThrownBy(() -> minimal().version(3)).isInstanceOf(IllegalStateException.class)
        .hasMessage("version was already set to 2; cannot also set 3");
    assertThatThrownBy(() -> minimal().name("fraud")).isInstanceOf(IllegalStateException.class)
        .hasMessage("name was already set to \"churn\"; cannot also set \"fraud\"");
    assertThatThrownBy(() -> minimal().tag("team", "risk").tag("team", "growth"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tag \"team\" was already set to \"risk\"; cannot also set \"growth\"");
    assertThatThrownBy(() -> minimal().metric("auc", 0.9).metrics(Map.of("auc", 0.8)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("metric \"auc\" was already set to 0.9; cannot also set 0.8");
    assertThatThrownBy(() -> minimal().alias("champion").alias("champion")).isInstanceOf(IllegalStateException.class)
        .hasMessage("alias \"champion\" was already added");
  }

  @Test
  void modelVersion_requiresNameVersionCreatedAndArtifactAndDefaultsTheRest() {
    assertThatThrownBy(() -> ModelVersion.builder().name("churn").build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("a model version needs [version, created, artifact] set; they are missing");
    ModelVersion v = minimal().alias("staging").alias("champion").build();
    assertThat(v.revision()).isEqualTo(1);
    assertThat(v.lineage()).isEqualTo(Lineage.none());
    assertThat(v.schema()).isEmpty();
    assertThat(v.gateResult()).isEmpty();
    assertThat(v.tags()).isEmpty();
    assertThat(v.aliases()).containsExactly("champion", "staging");
    assertThat(v.ref()).isEqualTo(ModelRef.version("churn", 2));
    assertThat(v).isEqualTo(minimal().alias("champion").alias("staging").build())
        .hasSameHashCodeAs(minimal().alias("champion").alias("staging").build())
        .isNotEqualTo(minimal().revision(2).build());
  }

  @Test
  void registration_settingAKeyOrValueTwiceNamesBoth() {
    assertThatThrownBy(() -> Registration.builder().metadata("owner", "ana").metadata(Map.of("owner", "bo")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("metadata \"owner\" was already set to \"ana\"; cannot also set \"bo\"");
    assertThatThrownBy(() -> Registration.builder().lineage(Lineage.none())
        .lineage(Lineage.builder().source("job 7").build()))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("lineage was already set to Lineage[")
        .hasMessageContaining("cannot also set Lineage[").hasMessageContaining("job 7");
    assertThatThrownBy(() -> Registration.builder().attachment("onnx", "onnx", new byte[] {1})
        .attachment("onnx", "onnx", new byte[] {1, 2}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"onnx\" was already added to this registration (Attachment[type=onnx, 1 bytes])")
        .hasMessageContaining("cannot also add Attachment[type=onnx, 2 bytes]");
  }

  @Test
  void versionUpdate_settingAndRemovingOrSettingTwiceNamesBothCalls() {
    assertThatThrownBy(() -> VersionUpdate.builder().removeTag("a").tag("a", "1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tag \"a\" is both set and removed in one update: it was already removed; cannot also set it to "
            + "\"1\"");
    assertThatThrownBy(() -> VersionUpdate.builder().metadata("m", "x").removeMetadata("m"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("metadata \"m\" is both set and removed in one update: it was already set to \"x\"; cannot also "
            + "remove it");
    assertThatThrownBy(() -> VersionUpdate.builder().removeTag("a").removeTag("a"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot remove it twice");
    assertThatThrownBy(() -> VersionUpdate.builder().expectedRevision(2).expectedRevision(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("expectedRevision was already set to 2; cannot also set 3");
    assertThatThrownBy(() -> VersionUpdate.builder().expectedRevision(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected revision must be >= 1, was 0");
    assertThat(VersionUpdate.builder().build().expectedRevision()).isEmpty();
    assertThat(VersionUpdate.builder().expectedRevision(4).build().expectedRevision()).isEqualTo(OptionalInt.of(4));
  }

  @Test
  void lineage_partsAreOptionalSetOnceAndNeverEmpty() {
    Lineage l = Lineage.builder().trainingData("sha256:data").parentVersion(2).source("job 7").build();
    assertThat(l.trainingData()).contains("sha256:data");
    assertThat(l.parentVersion()).hasValue(2);
    assertThat(l.source()).contains("job 7");
    assertThat(Lineage.builder().build()).isEqualTo(Lineage.none());
    assertThat(Lineage.none().parentVersion()).isEmpty();
    assertThatThrownBy(() -> Lineage.builder().parentVersion(1).parentVersion(2))
        .isInstanceOf(IllegalStateException.class).hasMessage("parentVersion was already set to 1; cannot also set 2");
    assertThatThrownBy(() -> Lineage.builder().parentVersion(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version numbers start at 1, was 0");
    assertThatThrownBy(() -> Lineage.builder().source("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lineage.source must not be empty");
  }

  @Test
  void modelQuery_repeatedOrContradictingConditionsNameBoth() {
    assertThatThrownBy(() -> ModelQuery.builder().name("churn").name("fraud"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("name was already set to \"churn\"; cannot also set \"fraud\"");
    assertThatThrownBy(() -> ModelQuery.builder().namePrefix("fr").name("churn"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("name \"churn\" does not start with namePrefix \"fr\"");
    assertThatThrownBy(() -> ModelQuery.builder().metricAtLeast("auc", 0.9).metricAtLeast("auc", 0.8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("metricAtLeast(\"auc\", 0.9) was already given; cannot also require metricAtLeast(\"auc\", 0.8)");
    assertThatThrownBy(() -> ModelQuery.builder().metricAtLeast("auc", 0.9).metricAtMost("auc", 0.8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("metricAtLeast(\"auc\", 0.9) contradicts metricAtMost(\"auc\", 0.8)");
    assertThat(ModelQuery.builder().metricAtLeast("auc", 0.8).metricAtMost("auc", 0.9).build()).isNotNull();
    assertThat(ModelQuery.builder().namePrefix("ch").name("churn").build().name()).contains("churn");
    assertThat(ModelQuery.all().name()).isEmpty();
  }

  @Test
  void registryOptions_haveDocumentedDefaultsAndAreSetOnce() {
    RegistryOptions defaults = RegistryOptions.defaults();
    assertThat(defaults.durability()).isEqualTo(RegistryOptions.Durability.SURVIVES_MACHINE_CRASH);
    assertThat(defaults.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(defaults.actor()).isEqualTo(System.getProperty("user.name", "unknown"));
    Clock fixed = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    assertThatThrownBy(() -> RegistryOptions.builder().actor("ci").actor("ana"))
        .isInstanceOf(IllegalStateException.class).hasMessage("actor was already set to \"ci\"; cannot also set \"ana\"");
    assertThatThrownBy(() -> RegistryOptions.builder().durability(RegistryOptions.Durability.SURVIVES_PROCESS_CRASH)
        .durability(RegistryOptions.Durability.SURVIVES_MACHINE_CRASH)).isInstanceOf(IllegalStateException.class)
        .hasMessage("durability was already set to SURVIVES_PROCESS_CRASH; cannot also set SURVIVES_MACHINE_CRASH");
    assertThatThrownBy(() -> RegistryOptions.builder().clock(fixed).clock(Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("clock was already set to FixedClock");
    assertThat(RegistryOptions.builder().clock(fixed).build().clock()).isSameAs(fixed);
  }
}
