package dev.mlops.samples.architecture.planted.cycle.a;

import dev.mlops.samples.architecture.planted.cycle.b.B;

/** A planted violation: half of a package cycle. */
public final class A {
  private A() {}

  static int next() {
    return B.value() + 1;
  }

  /** @return a value B reads */
  public static int value() {
    return 1;
  }
}
