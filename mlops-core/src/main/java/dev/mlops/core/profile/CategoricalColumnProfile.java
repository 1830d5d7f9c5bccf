package dev.mlops.core.profile;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.profile.CategoricalProfile;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * An immutable categorical profile: counts, a frequent-items sketch (map size 256: exact counts
 * for up to 192 distinct values) and an HLL distinct-count sketch (lgK 12, about 1.6% error).
 */
final class CategoricalColumnProfile implements CategoricalProfile {
  static final int MAP_SIZE = 256;
  static final int LG_K = 12;
  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

  private final String name;
  private final ColumnType type;
  private final long count;
  private final long nulls;
  private final byte[] items;
  private final byte[] distinct;

  CategoricalColumnProfile(String name, ColumnType type, long count, long nulls, ItemsSketch<String> items,
      HllSketch distinct) {
    this.name = name;
    this.type = type;
    this.count = count;
    this.nulls = nulls;
    this.items = items.toByteArray(SERDE);
    this.distinct = distinct.toCompactByteArray();
  }

  byte[] itemBytes() {
    return items.clone();
  }

  byte[] distinctBytes() {
    return distinct.clone();
  }

  static ArrayOfStringsSerDe serde() {
    return SERDE;
  }

  ItemsSketch<String> items() {
    return ItemsSketch.getInstance(Memory.wrap(items), SERDE);
  }

  HllSketch distinctSketch() {
    return HllSketch.heapify(distinct);
  }

  CategoricalColumnProfile merge(CategoricalColumnProfile o) {
    ItemsSketch<String> merged = items();
    merged.merge(o.items());
    Union union = new Union(LG_K);
    union.update(distinctSketch());
    union.update(o.distinctSketch());
    return new CategoricalColumnProfile(name, type, count + o.count, nulls + o.nulls, merged, union.getResult());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public long nullCount() {
    return nulls;
  }

  @Override
  public double distinctEstimate() {
    return distinctSketch().getEstimate();
  }

  @Override
  public List<FrequentItem> frequentItems() {
    List<FrequentItem> out = new ArrayList<>();
    for (ItemsSketch.Row<String> row : items().getFrequentItems(ErrorType.NO_FALSE_POSITIVES)) {
      out.add(new FrequentItem(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "CategoricalProfile[" + name + ": n=" + count + ", nulls=" + nulls + ", distinct~" + distinctEstimate() + "]";
  }
}
