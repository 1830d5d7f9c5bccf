package dev.mlops.samples.architecture.planted.cycle.b;

import dev.mlops.samples.architecture.planted.cycle.a.A;

/** A planted violation: the other half of a package cycle. */
public final class B {
  private B() {}

  /** @return a value A reads */
  public static int value() {
    return A.value() + 2;
  }
}
