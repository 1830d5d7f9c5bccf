package dev.mlops.core.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import dev.mlops.api.registry.ModelRegistry;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts {@link RegistryWriterProbe} in a separate JVM with this test's classpath. */
final class ChildJvm {
  private ChildJvm() {}

  static Process start(Path dir, String name, int count) throws Exception {
    return new ProcessBuilder(command(RegistryWriterProbe.class, dir.toString(), name, String.valueOf(count)))
        .redirectErrorStream(true).start();
  }

  /** The command line that runs a probe's main with these arguments in a new JVM. */
  static List<String> command(Class<?> main, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xshare:auto", "-cp", classpath(), main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private static String classpath() throws Exception {
    Set<String> entries = new LinkedHashSet<>();
    entries.add(System.getProperty("java.class.path"));
    for (Class<?> c : List.of(RegistryWriterProbe.class, Registries.class, ModelRegistry.class, Hashing.class,
        ObjectMapper.class, JsonFactory.class, JsonProperty.class)) {
      entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
