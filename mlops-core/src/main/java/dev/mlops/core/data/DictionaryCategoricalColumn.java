package dev.mlops.core.data;

import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.core.internal.ArrayBacked;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/** A dictionary-encoded string column; null rows hold {@link #NULL_CODE}. */
final class DictionaryCategoricalColumn extends AbstractColumn implements CategoricalColumn, ArrayBacked.Codes {
  private final int[] codes;
  private final List<String> dictionary;

  DictionaryCategoricalColumn(String name, int[] codes, int size, BitSet nulls, List<String> dictionary) {
    super(name, size, nulls);
    this.codes = codes;
    this.dictionary = List.copyOf(dictionary);
  }

  @Override
  public String getString(int row) {
    int code = code(row);
    return code == NULL_CODE ? null : dictionary.get(code);
  }

  @Override
  public int code(int row) {
    Objects.checkIndex(row, size);
    return codes[row];
  }

  @Override
  public int dictionarySize() {
    return dictionary.size();
  }

  @Override
  public String dictionaryValue(int code) {
    return dictionary.get(code);
  }

  @Override
  public List<String> dictionary() {
    return dictionary;
  }

  @Override
  public int[] backingCodes() {
    return codes;
  }
}
