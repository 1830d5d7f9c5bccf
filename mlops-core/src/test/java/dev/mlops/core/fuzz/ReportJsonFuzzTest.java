package dev.mlops.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlops.core.fuzz.Documented.Where;
import dev.mlops.core.json.MlopsJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fuzzes the JSON readers of {@link MlopsJson}: the same text is read as each supported type
 * (validation report, drift report, gate result, profile, schema); what reads must render and read
 * back. Corpus: {@code ReportJsonFuzzTestInputs/reportJson/}.
 */
class ReportJsonFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void reportJson(byte[] input) throws Exception {
    String text = new String(input, StandardCharsets.UTF_8);
    for (Class<?> type : MlopsJson.supportedTypes()) {
      Optional<?> read = Documented.read("<" + type.getSimpleName() + " json>", Where.LINE_OR_JSON_PATH,
          () -> MlopsJson.fromJson(text, type));
      if (read.isPresent()) {
        MlopsJson.fromJson(MlopsJson.toJson(read.get()), type);
      }
    }
  }
}
