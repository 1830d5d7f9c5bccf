package dev.mlops.samples.architecture.planted.api;

import com.google.common.base.Preconditions;

/** A planted violation: an api class importing Guava. */
public final class GuavaInApi {
  private GuavaInApi() {}

  static void check(boolean ok) {
    Preconditions.checkArgument(ok);
  }
}
