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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xshare:auto", "-cp", classpath(), RegistryWriterProbe.class.getName(), dir.toString(), name,
        String.valueOf(count)));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
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
