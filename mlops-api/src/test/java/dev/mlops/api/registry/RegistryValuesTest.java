package dev.mlops.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.common.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryValuesTest {

  private static ModelVersion version(Optional<GateResult> gate) {
    ModelVersion.Builder b = ModelVersion.builder().name("churn").version(2).created(Instant.EPOCH)
        .artifact(new Artifact("sha256:" + "a".repeat(64), 3, "bytes"));
    gate.ifPresent(b::gateResult);
    return b.build();
  }

  private static GateResult gate(Verdict v) {
    return GateResult.of(List.of(new CriterionResult("c", Metric.ACCURACY, Severity.ERROR, v, Measurement.of(1), "r")));
  }

  @Test
  void modelNames_acceptPortableNamesAndRefuseTraversalWithTheRule() {
    assertThat(RegistryNames.checkModelName("churn-v2.final_1")).isEqualTo("churn-v2.final_1");
    assertThatThrownBy(() -> RegistryNames.checkModelName("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model name \"../../etc/passwd\" is not allowed: expected a letter or digit first, then letters, "
            + "digits, '.', '_' or '-' (no '/', '\\', spaces or control characters)");
    assertThatThrownBy(() -> RegistryNames.checkModelName("churn\u0007"))
        .hasMessageContaining("\"churn\\u0007\"");
    assertThatThrownBy(() -> RegistryNames.checkModelName("a".repeat(200)))
        .hasMessageContaining("is 200 characters long; at most 128 are allowed");
    assertThatThrownBy(() -> RegistryNames.checkModelName("con.model"))
        .hasMessageContaining("reserved device name");
    assertThatThrownBy(() -> RegistryNames.checkModelName(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  void aliases_mustStartWithALetterSoTheyNeverLookLikeVersions() {
    assertThat(RegistryNames.checkAlias("champion")).isEqualTo("champion");
    assertThatThrownBy(() -> RegistryNames.checkAlias("3")).hasMessageContaining("a letter first");
    assertThatThrownBy(() -> ModelRef.parse("churn@3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void metadataValues_mayHoldLineBreaksButTagValuesMayNot() {
    assertThat(RegistryNames.checkMetadataValue("notes", "a\nb\tc")).isEqualTo("a\nb\tc");
    assertThatThrownBy(() -> RegistryNames.checkTagValue("stage", "a\nb"))
        .hasMessage("value of tag \"stage\" holds control character U+000A at index 1; control characters are not "
            + "allowed");
    assertThatThrownBy(() -> RegistryNames.checkMetric("auc", Double.NaN)).hasMessageContaining("finite");
  }

  @Test
  void modelRef_roundTripsThroughItsText() {
    for (String text : List.of("churn/1", "churn/42", "churn@champion", "a.b-c_d@x-1")) {
      assertThat(ModelRef.parse(text)).hasToString(text);
    }
    assertThat(ModelRef.parse("churn/3")).isInstanceOf(ModelRef.Version.class);
    assertThat(ModelRef.parse("churn@champion")).isInstanceOf(ModelRef.Alias.class);
  }

  @Test
  void requirePassingGate_refusesMissingAndFailingGatesWithTheReason() {
    PromotionPolicy policy = PromotionPolicy.requirePassingGate();
    assertThat(policy.refusal("champion", version(Optional.of(gate(Verdict.PASS))))).isEmpty();
    assertThat(policy.refusal("champion", version(Optional.of(gate(Verdict.WARN))))).isEmpty();
    assertThat(policy.refusal("champion", version(Optional.of(gate(Verdict.FAIL)))))
        .contains("version 2 failed its quality gate (verdict FAIL); @champion requires a passing quality gate");
    assertThat(policy.refusal("champion", version(Optional.empty())))
        .contains("version 2 has no gate result recorded; @champion requires a passing quality gate");

    PromotionPolicy onlyChampion = PromotionPolicy.requirePassingGate(Set.of("champion"));
    assertThat(onlyChampion.refusal("staging", version(Optional.empty()))).isEmpty();
    PromotionPolicy both = onlyChampion.and((alias, v) -> Optional.of("frozen"));
    assertThat(both.refusal("staging", version(Optional.empty()))).contains("frozen");
  }

  @Test
  void modelVersion_refusesAParentThatIsNotOlder() {
    assertThatThrownBy(() -> ModelVersion.builder().name("churn").version(2).created(Instant.EPOCH)
        .artifact(new Artifact("sha256:" + "a".repeat(64), 3, "bytes"))
        .lineage(Lineage.builder().parentVersion(2).build()).build())
        .hasMessageContaining("cannot have parent version 2");
    assertThatThrownBy(() -> new Artifact("md5:abc", 1, "bytes")).hasMessageContaining("sha256:");
  }

  @Test
  void versionUpdate_refusesSettingAndRemovingTheSameKey() {
    assertThatThrownBy(() -> VersionUpdate.builder().tag("a", "1").removeTag("a").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tag \"a\" is both set and removed");
    assertThat(VersionUpdate.builder().build().isEmpty()).isTrue();
  }

  @Test
  void conflictAndIntegrityMessages_nameBothSides() {
    assertThat(new VersionConflictException("churn@champion", Expect.version(3), OptionalInt.of(4)))
        .hasMessage("churn@champion: expected 3 but found 4; someone else changed it first, re-read and retry");
    assertThat(new IntegrityException("/r/blobs/sha256/ab/ab1", "sha256:ab1", "sha256:ff0"))
        .hasMessageContaining("/r/blobs/sha256/ab/ab1").hasMessageContaining("expected sha256:ab1")
        .hasMessageContaining("hash to sha256:ff0");
  }

  @Test
  void attachments_areCopiedValidatedAndDefaultToNone() {
    byte[] raw = {1, 2, 3};
    Attachment a = new Attachment("onnx", raw);
    raw[0] = 9;
    assertThat(a.bytes()).containsExactly(1, 2, 3);
    a.bytes()[1] = 9;
    assertThat(a.bytes()).containsExactly(1, 2, 3);
    assertThat(a).isEqualTo(new Attachment("onnx", new byte[] {1, 2, 3})).hasToString("Attachment[type=onnx, 3 bytes]");
    assertThat(a.hashCode()).isEqualTo(new Attachment("onnx", new byte[] {1, 2, 3}).hashCode());
    assertThat(a).isNotEqualTo(new Attachment("pmml", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> new Attachment("bad type", raw)).hasMessageContaining("\"bad type\"");

    assertThat(version(Optional.empty()).attachments()).isEmpty();
    assertThat(Registration.builder().build().attachments()).isEmpty();
    assertThat(Registration.none()).isEqualTo(Registration.builder().lineage(Lineage.none()).build());

    Artifact blob = new Artifact("sha256:" + "b".repeat(64), 3, "onnx");
    ModelVersion withOne = ModelVersion.builder().name("churn").version(2).created(Instant.EPOCH)
        .artifact(new Artifact("sha256:" + "a".repeat(64), 3, "bytes")).attachment("onnx", blob).build();
    assertThat(withOne.attachments()).containsExactly(Map.entry("onnx", blob));
    assertThat(withOne.withAliases(List.of("champion")).attachments()).isEqualTo(withOne.attachments());
    assertThatThrownBy(() -> withOne.attachments().put("x", blob)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ModelVersion.builder().attachments(Map.of("a/../..\\b", blob)))
        .hasMessageStartingWith("attachment name \"a/../..\\b\" is not allowed");
    assertThatThrownBy(() -> RegistryNames.checkAttachmentName(""))
        .hasMessage("attachment name must not be empty; expected a letter or digit first, then letters, digits, "
            + "'.', '_', '-', ':' or '/'");
  }
}
