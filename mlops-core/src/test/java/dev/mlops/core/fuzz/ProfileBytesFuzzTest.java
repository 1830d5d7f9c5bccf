package dev.mlops.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.fuzz.Documented.Where;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.profile.Profiles;
import java.util.Optional;

/**
 * Fuzzes the binary profile reader: bytes either read as a profile whose every accessor answers
 * (quantiles, ranks, frequent items, re-encoding, JSON) or are rejected as malformed. Corpus:
 * {@code ProfileBytesFuzzTestInputs/profileBytes/}.
 */
class ProfileBytesFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void profileBytes(byte[] input) throws Exception {
    Optional<TableProfile> read = Documented.read("<profile bytes>", Where.SOURCE, () -> Profiles.fromBytes(input));
    if (read.isEmpty()) {
      return;
    }
    TableProfile profile = read.get();
    profile.rowCount();
    for (ColumnProfile c : profile.columns()) {
      c.count();
      c.nullCount();
      profile.column(c.name());
      if (c instanceof NumericProfile n) {
        n.mean();
        n.variance();
        n.rank(0.0);
        n.rankError();
        if (n.finiteCount() > 0) {
          n.quantile(0.0);
          n.quantile(0.5);
          n.quantile(1.0);
        }
      } else if (c instanceof CategoricalProfile k) {
        k.distinctEstimate();
        k.frequentItems();
      }
    }
    Profiles.fromBytes(Profiles.toBytes(profile));
    MlopsJson.fromJson(MlopsJson.toJson(profile), TableProfile.class);
  }
}
