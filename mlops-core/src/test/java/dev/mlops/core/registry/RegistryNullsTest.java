package dev.mlops.core.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.registry.Artifact;
import dev.mlops.api.registry.ArtifactCodec;
import dev.mlops.api.registry.Expect;
import dev.mlops.api.registry.Lineage;
import dev.mlops.api.registry.ModelQuery;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.api.registry.VersionUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryNullsTest {
  @TempDir Path dir;

  @Test
  void publicBuildersAndFactories_rejectNullsNamingTheArgument() {
    NullPointerTester tester = new NullPointerTester().setDefault(Path.class, dir).setDefault(String.class, "a")
        .setDefault(RegistryOptions.class, RegistryOptions.defaults())
        .setDefault(Artifact.class, new Artifact("sha256:" + "a".repeat(64), 1, "bytes"));
    tester.testAllPublicInstanceMethods(Registration.builder());
    tester.testAllPublicInstanceMethods(VersionUpdate.builder());
    tester.testAllPublicInstanceMethods(ModelQuery.builder());
    tester.testAllPublicInstanceMethods(RegistryOptions.builder());
    tester.testAllPublicStaticMethods(Registries.class);
    tester.testAllPublicStaticMethods(ModelRef.class);
    tester.testAllPublicStaticMethods(Expect.class);
    tester.testAllPublicInstanceMethods(Lineage.builder());
    tester.testAllPublicInstanceMethods(ModelVersion.builder());
  }

  @Test
  void registryMethods_rejectNulls() {
    try (ModelRegistry r = Registries.inMemory()) {
      new NullPointerTester().setDefault(String.class, "a").setDefault(int.class, 1)
          .setDefault(Registration.class, Registration.none()).setDefault(VersionUpdate.class, VersionUpdate.builder()
              .build()).setDefault(ModelRef.class, ModelRef.parse("a/1")).setDefault(ModelRef.Version.class, ModelRef.version("a", 1)).setDefault(ModelQuery.class, ModelQuery.all())
          .setDefault(ArtifactCodec.class, Registries.bytesCodec()).setDefault(Expect.class, Expect.any())
          .testAllPublicInstanceMethods(r);
    }
  }

  @Test
  void aMarkerOfAnotherFormat_isRefusedNamingTheVersionWeRead() throws IOException {
    Path root = dir.resolve("reg");
    Registries.open(root).close();
    Files.writeString(root.resolve("registry.json"), "{\"formatVersion\":9}");
    assertThatThrownBy(() -> Registries.open(root)).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("registry.json").hasMessageContaining("unsupported formatVersion 9")
        .hasMessageContaining("reads 1");
  }
}
