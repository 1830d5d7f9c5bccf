package dev.mlops.core.registry;

import com.google.common.hash.Hashing;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * Run in a child JVM by {@link RegistryReliabilityTest}; prints what it does, one line at a time.
 *
 * <ul>
 *   <li>{@code hold-temp <dir>}: starts writing a blob (a locked temp file, half filled), prints
 *       {@code holding <temp file name>}, waits for a line on stdin, then finishes the write and
 *       prints {@code committed}.
 *   <li>{@code hold-lock <dir>}: takes the file lock on {@code <dir>/.lock} as a writer would, prints
 *       {@code locked}, and holds it until a line arrives on stdin.
 *   <li>{@code open <dir>}: opens and closes the registry, printing {@code opened pid=<its pid>}.
 *   <li>{@code read-only <dir>}: opens the registry with the defaults and with
 *       {@link RegistryOptions.Access#READ_WRITE}, lists versions, tries to register, and prints
 *       each outcome.
 * </ul>
 */
public final class RegistryProbe {
  private RegistryProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    switch (args[0]) {
      case "hold-temp" -> {
        byte[] bytes = new byte[1 << 20];
        Arrays.fill(bytes, (byte) 7);
        String hex = Hashing.sha256().hashBytes(bytes).toString();
        FileStore store = FileStore.open(dir, false, RegistryOptions.Access.READ_WRITE, Duration.ofSeconds(30));
        try (FileStore.Temp t = store.newTemp()) {
          System.out.println("holding " + t.path().getFileName());
          System.out.flush();
          in.readLine();
          store.commit(t, store.blobPath(hex), bytes, true);
          System.out.println("committed " + hex);
        } finally {
          store.close();
        }
      }
      case "hold-lock" -> {
        try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
          System.out.println("locked " + lock.isValid());
          System.out.flush();
          in.readLine();
        }
      }
      case "open" -> {
        Registries.open(dir).close();
        System.out.println("opened pid=" + ProcessHandle.current().pid());
      }
      case "read-only" -> {
        try (ModelRegistry r = Registries.open(dir)) {
          System.out.println("versions=" + r.versions("churn").size());
          System.out.println("artifact=" + r.loadArtifact(r.versions("churn").get(0).ref()).length);
          try {
            r.register("churn", "bytes", new byte[] {1}, Registration.none());
            System.out.println("register: done");
          } catch (RuntimeException e) {
            System.out.println("register: " + e.getClass().getSimpleName() + ": " + e.getMessage());
          }
        }
        try {
          Registries.open(dir, RegistryOptions.builder().access(RegistryOptions.Access.READ_WRITE).build()).close();
          System.out.println("read-write: opened");
        } catch (RuntimeException e) {
          System.out.println("read-write: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.out.println("exit");
  }
}
