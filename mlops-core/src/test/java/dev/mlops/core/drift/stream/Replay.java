package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a committed test stream and replays it through a detector, as MOA's and River's harnesses do. */
final class Replay {
  private Replay() {}

  /** What a detector signalled on a stream: drift indices and, per segment, the first warning. */
  record Outcome(List<Integer> changes, List<Integer> firstWarnings) {}

  /** Reads a resource of this package: one value per line, gzipped if its name ends with .gz. */
  static double[] stream(String resource) {
    try (InputStream raw = Replay.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Double> values = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          values.add(Double.parseDouble(line.trim()));
        }
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The indices of DRIFT and, for the start of the stream and after each DRIFT, the first WARNING
   * in that segment (River's doctests print exactly these; MOA's harness calls them
   * {@code warning_first_after_reset}).
   */
  static Outcome run(StreamingDriftDetector d, double[] values) {
    List<Integer> changes = new ArrayList<>();
    List<Integer> warnings = new ArrayList<>();
    boolean warned = false;
    for (int i = 0; i < values.length; i++) {
      DetectorState s = d.update(values[i]);
      if (s == DetectorState.WARNING && !warned) {
        warnings.add(i);
        warned = true;
      }
      if (s == DetectorState.DRIFT) {
        changes.add(i);
        warned = false;
      }
    }
    return new Outcome(changes, warnings);
  }

  static List<Integer> changes(StreamingDriftDetector d, double[] values) {
    return run(d, values).changes();
  }
}
