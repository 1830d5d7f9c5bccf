package dev.mlops.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart end to end: promote, refuse, detect the injected drift, retrain and promote. */
class EndToEndTest {

  @Test
  void thePipelinePromotesRefusesDetectsDriftAndPromotesARetrainedModel(@TempDir Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ServeAndMonitor.Summary summary = EndToEnd.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("gate WARN -> registered v1 and moved @champion to it")
        .contains("registered v2, @champion stays on v1")
        .contains("ROC AUC floor: not ROC_AUC >= 0.700000");
    // Drift begins with window 8 (application 2,000 of windows of 250); it is found in that window.
    long driftWindow = ServeAndMonitor.DRIFT_START / ServeAndMonitor.WINDOW;
    assertThat(summary.firstDriftWindow()).isEqualTo(driftWindow);
    assertThat(summary.events().get(0).columns()).contains("duration");
    assertThat(summary.retrainedVersions()).containsExactly(3);
    assertThat(summary.promoted()).containsExactly(3);
    assertThat(summary.champion()).isEqualTo(3);
    assertThat(summary.reports()).isNotEmpty().allSatisfy(p -> assertThat(p).exists());
    // No window before the drift raised anything.
    assertThat(out.lines().filter(l -> l.startsWith("  v1 window ") && !l.contains("no drift")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).startsWith("  v1 window " + driftWindow + ":"));
  }
}
