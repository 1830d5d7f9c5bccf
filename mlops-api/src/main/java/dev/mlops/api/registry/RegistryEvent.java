package dev.mlops.api.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a registry's append-only audit log: who changed what, when, from what to what.
 *
 * <pre>{@code
 * for (RegistryEvent e : registry.history("churn")) {
 *   System.out.println(e);  // 2026-11-27T18:00:00Z ana ALIAS_SET churn@champion 2 -> 3
 * }
 * }</pre>
 *
 * @param time when it happened (from the registry's clock)
 * @param actor who did it
 * @param kind what was done
 * @param name the model
 * @param version the version concerned, or 0 when the event concerns an alias removal
 * @param key the alias, tag or metadata key concerned, or an empty string
 * @param before the value before (an alias's previous version, a tag's previous value), or "" for none
 * @param after the value after, or "" for none
 */
public record RegistryEvent(Instant time, String actor, Kind kind, String name, int version, String key,
    String before, String after) {

  /** What an event records. */
  public enum Kind {
    /** A new version; {@code after} is its artifact digest. */
    REGISTERED,
    /** An alias was set or moved; {@code key} is the alias, {@code before}/{@code after} versions. */
    ALIAS_SET,
    /** An alias was removed; {@code before} is the version it pointed at. */
    ALIAS_REMOVED,
    /** A tag was set; {@code key} is the tag. */
    TAG_SET,
    /** A tag was removed; {@code key} is the tag. */
    TAG_REMOVED,
    /** A metadata entry was set or removed; {@code key} is the entry. */
    METADATA_CHANGED,
    /** A metric was set; {@code key} is the metric. */
    METRIC_SET,
    /** A gate result was recorded; {@code after} is its verdict. */
    GATE_RECORDED,
    /** A version was deleted; its number stays reserved. */
    DELETED
  }

  /**
   * Validates the components.
   *
   * @param time the time
   * @param actor the actor
   * @param kind the kind
   * @param name the model
   * @param version the version or 0
   * @param key the key or ""
   * @param before the value before or ""
   * @param after the value after or ""
   */
  public RegistryEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    RegistryNames.checkModelName(name);
    if (version < 0) {
      throw new IllegalArgumentException("event version must be >= 0, was " + version);
    }
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  @Override
  public String toString() {
    String target = switch (kind) {
      case ALIAS_SET, ALIAS_REMOVED -> name + "@" + key;
      default -> name + "/" + version + (key.isEmpty() ? "" : " " + key);
    };
    return time + " " + actor + " " + kind + " " + target
        + (before.isEmpty() && after.isEmpty() ? "" : " " + (before.isEmpty() ? "-" : before) + " -> "
            + (after.isEmpty() ? "-" : after));
  }
}
