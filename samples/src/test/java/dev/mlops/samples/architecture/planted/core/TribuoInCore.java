package dev.mlops.samples.architecture.planted.core;

import org.tribuo.Model;

/** A planted violation: core code that uses Tribuo. */
public final class TribuoInCore {
  private TribuoInCore() {}

  static String name(Model<?> model) {
    return model.getProvenance().getClassName();
  }
}
