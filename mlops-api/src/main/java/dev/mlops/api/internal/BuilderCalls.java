package dev.mlops.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Not public API. The setter calls a builder received, by setting, so that a second call — or a
 * call that contradicts an earlier one — fails naming both:
 * {@code "delimiter was already set by delimiter(';'); cannot also call delimiter(',')"}.
 */
public final class BuilderCalls {
  private final Map<String, String> calls = new LinkedHashMap<>();

  /**
   * Records {@code call} as the one that gives {@code setting}.
   *
   * @param setting the setting's name
   * @param call the call as the user wrote it, e.g. {@code delimiter(';')}
   * @throws IllegalStateException naming both calls if a call gave the setting already
   */
  public void once(String setting, String call) {
    Objects.requireNonNull(call, "call");
    String before = calls.putIfAbsent(Objects.requireNonNull(setting, "setting"), call);
    if (before != null) {
      throw new IllegalStateException(setting + " was already set by " + before + "; cannot also call " + call);
    }
  }

  /**
   * Records {@code call} for {@code setting}, replacing any earlier record.
   *
   * @param setting the setting's name
   * @param call the call
   */
  public void record(String setting, String call) {
    calls.put(Objects.requireNonNull(setting, "setting"), Objects.requireNonNull(call, "call"));
  }

  /**
   * The call that gave a setting.
   *
   * @param setting the setting's name
   * @return the call, or empty if none gave it
   */
  public Optional<String> find(String setting) {
    return Optional.ofNullable(calls.get(Objects.requireNonNull(setting, "setting")));
  }

  /**
   * Whether a call gave a setting.
   *
   * @param setting the setting's name
   * @return whether it was given
   */
  public boolean has(String setting) {
    return calls.containsKey(Objects.requireNonNull(setting, "setting"));
  }
}
