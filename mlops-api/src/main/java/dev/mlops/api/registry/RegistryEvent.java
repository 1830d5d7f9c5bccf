package dev.mlops.api.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

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
 * @param version the version concerned (for an alias event, the one the alias points at after a
 *     set, or pointed at before a removal)
 * @param key the alias, tag, metadata key or metric concerned, if the event concerns one
 * @param change the value before and after
 */
public record RegistryEvent(Instant time, String actor, Kind kind, ModelRef.Version version, Optional<String> key,
    Change change) {

  /** What an event records. */
  public enum Kind {
    /** A new version; the change's {@code after} is its artifact digest. */
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
    /** A version was deleted; its number stays reserved; {@code before} is its artifact digest. */
    DELETED
  }

  /**
   * A value before and after the event, as text (an alias's version, a tag's value, a digest).
   *
   * @param before the value before, if there was one
   * @param after the value after, if there is one
   */
  public record Change(Optional<String> before, Optional<String> after) {
    private static final Change NONE = new Change(Optional.empty(), Optional.empty());

    /**
     * Validates the components.
     *
     * @param before the value before
     * @param after the value after
     */
    public Change {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }

    /** @return no value before or after */
    public static Change none() {
      return NONE;
    }

    @Override
    public String toString() {
      return before.isEmpty() && after.isEmpty() ? "" : before.orElse("-") + " -> " + after.orElse("-");
    }
  }

  /**
   * Validates the components.
   *
   * @param time the time
   * @param actor the actor
   * @param kind the kind
   * @param version the version concerned
   * @param key the key, if any
   * @param change the values before and after
   */
  public RegistryEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(change, "change");
  }

  /** @return the model's name */
  public String name() {
    return version.name();
  }

  @Override
  public String toString() {
    String target = switch (kind) {
      case ALIAS_SET, ALIAS_REMOVED -> version.name() + "@" + key.orElse("");
      default -> version + key.map(k -> " " + k).orElse("");
    };
    String values = change.toString();
    return time + " " + actor + " " + kind + " " + target + (values.isEmpty() ? "" : " " + values);
  }
}
