package dev.mlops.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.internal.JsonFields;
import dev.mlops.core.profile.Profiles;
import java.util.Base64;

/**
 * A profile as JSON ({@code formatVersion} 1): readable statistics per column for a person, and
 * the profile's binary form in Base64 ({@code binary}), which is what is read back, losslessly.
 */
final class ProfileJson implements JsonCodec<TableProfile> {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Class<TableProfile> type() {
    return TableProfile.class;
  }

  @Override
  public String write(TableProfile profile) {
    byte[] binary = Profiles.toBytes(profile);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("rowCount", profile.rowCount());
    root.put("binary", Base64.getEncoder().encodeToString(binary));
    ArrayNode columns = root.putArray("columns");
    for (ColumnProfile c : profile.columns()) {
      ObjectNode n = columns.addObject().put("name", c.name()).put("type", c.type().name())
          .put("count", c.count()).put("nullCount", c.nullCount());
      if (c instanceof NumericProfile p) {
        n.put("nanCount", p.nanCount()).put("infiniteCount", p.infiniteCount()).put("finiteCount", p.finiteCount());
        number(n, "mean", p.mean());
        number(n, "variance", p.variance());
        number(n, "min", p.min());
        number(n, "max", p.max());
        number(n, "median", p.quantile(0.5));
      } else if (c instanceof CategoricalProfile k) {
        n.put("distinctEstimate", k.distinctEstimate());
        ArrayNode top = n.putArray("frequentItems");
        k.frequentItems().stream().limit(20).forEach(f -> top.addObject().put("value", f.value()).put("count", f.estimate()));
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render profile as JSON", e);
    }
  }

  @Override
  public TableProfile read(String json, String source) {
    JsonFields fields = new JsonFields(source);
    JsonNode root = MlopsJson.parse(json, source);
    MlopsJson.checkVersion(fields, root, FORMAT_VERSION);
    String binary = fields.text(root, "$", "binary");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(binary);
    } catch (IllegalArgumentException e) {
      throw fields.fail("$.binary", "not Base64: " + e.getMessage());
    }
    try {
      return Profiles.fromBytes(bytes);
    } catch (MalformedDataException e) {
      throw new MalformedDataException(source, -1, -1, null, "$.binary: " + e.problem(), e);
    }
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, v);
    } else {
      n.putNull(key);
    }
  }
}
