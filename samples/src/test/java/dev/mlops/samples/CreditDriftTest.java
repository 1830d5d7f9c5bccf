package dev.mlops.samples;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.Table;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.TableBuilder;
import dev.mlops.core.data.Tables;
import dev.mlops.core.profile.ProfileDrift;
import dev.mlops.core.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift tests: new data against the training data, or against a reference profile saved once. */
class CreditDriftTest {
  private final Table data = CreditData.load();
  private final CreditData.Split split = CreditData.split(data.rowCount(), 0.3, 42);
  private final Table train = Tables.select(data, split.train());
  private final Table test = Tables.select(data, split.test());

  @Test
  void theHeldOutRowsDoNotDriftFromTheTrainingRows() {
    assertThat(test).hasNoDriftFrom(train);
  }

  @Test
  void aSavedReferenceProfileIsAllADriftCheckNeeds(@TempDir Path dir) throws IOException {
    Path saved = dir.resolve("credit-reference.profile");
    Files.write(saved, Profiles.toBytes(Profiles.of(train)));   // once, at training time

    TableProfile reference = Profiles.fromBytes(Files.readAllBytes(saved));
    TableProfile today = Profiles.of(test);
    for (ColumnProfile c : reference.columns()) {
      if (c instanceof NumericProfile r) {
        ProfileDrift.Score psi = ProfileDrift.compare(r, (NumericProfile) today.column(c.name()), DriftMethod.PSI);
        assertThat(psi.statistic()).as("PSI of %s", c.name()).isLessThan(0.2);
      }
    }
  }

  @Test
  void longerLoansAreDrift() {
    TableBuilder shifted = Tables.builder();
    for (String name : test.columnNames()) {
      if (!name.equals("duration")) {
        shifted.add(test.column(name));
      }
    }
    double[] longer = new double[test.rowCount()];
    for (int i = 0; i < longer.length; i++) {
      longer[i] = Math.min(72, test.numeric("duration").getDouble(i) + 12);
    }
    shifted.add(Columns.numeric("duration", longer));
    Table drifted = shifted.build();
    assertThatThrownBy(() -> assertThat(drifted).hasNoDriftFrom(train)).hasMessageContaining("duration");
  }
}
