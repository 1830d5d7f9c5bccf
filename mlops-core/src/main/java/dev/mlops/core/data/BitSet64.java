package dev.mlops.core.data;

import java.util.Arrays;

/** A growable bitset over {@code long} words, used for null masks and boolean values. */
final class BitSet64 {
  private long[] words;
  private int cardinality;

  BitSet64(int capacityBits) {
    words = new long[Math.max(1, (capacityBits + 63) >>> 6)];
  }

  private BitSet64(long[] words, int cardinality) {
    this.words = words;
    this.cardinality = cardinality;
  }

  void set(int index) {
    int w = index >>> 6;
    if (w >= words.length) {
      words = Arrays.copyOf(words, Math.max(w + 1, words.length + (words.length >> 1) + 1));
    }
    long mask = 1L << index;
    if ((words[w] & mask) == 0) {
      words[w] |= mask;
      cardinality++;
    }
  }

  boolean get(int index) {
    int w = index >>> 6;
    return w < words.length && (words[w] & (1L << index)) != 0;
  }

  int cardinality() {
    return cardinality;
  }

  /** Returns a compact copy holding {@code sizeBits} bits. */
  BitSet64 trimmed(int sizeBits) {
    return new BitSet64(Arrays.copyOf(words, Math.max(1, (sizeBits + 63) >>> 6)), cardinality);
  }
}
