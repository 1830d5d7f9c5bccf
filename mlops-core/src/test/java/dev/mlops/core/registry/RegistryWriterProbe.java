package dev.mlops.core.registry;

import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Run in a child JVM by the reliability tests: registers versions of one model in a registry
 * directory. {@code <dir> <name> <count>} registers {@code count} versions and prints "done";
 * {@code count = -1} registers (each version with an attachment, and moves an alias and a tag)
 * until the process is killed, printing "ready" once the registry is open.
 */
public final class RegistryWriterProbe {
  private RegistryWriterProbe() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    String id = ProcessHandle.current().pid() + "";
    try (ModelRegistry registry = Registries.open(dir, RegistryOptions.builder().actor("probe-" + id).build())) {
      System.out.println("ready");
      System.out.flush();
      for (int i = 0; count < 0 || i < count; i++) {
        byte[] artifact = artifact(id, i);
        Registration.Builder registration = Registration.builder().tag("writer", id);
        if (count < 0) {
          registration.attachment("onnx", "onnx", artifact(id + "-onnx", i));
        }
        int v = registry.register(name, "bytes", artifact, registration.build()).version();
        if (count < 0) {
          registry.setAlias(ModelRef.version(name, v), "latest");
          registry.setTag(ModelRef.version(name, v), "seen", "yes");
        }
      }
      System.out.println("done");
    }
  }

  /** Distinct bytes per writer and iteration, of varying size (up to 64 KiB), so blobs differ. */
  static byte[] artifact(String writer, int i) {
    byte[] head = (writer + ":" + i + ":").getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(head, head.length + (i * 7919) % 65_536);
    for (int k = head.length; k < out.length; k++) {
      out[k] = (byte) (k * 31 + i);
    }
    return out;
  }
}
