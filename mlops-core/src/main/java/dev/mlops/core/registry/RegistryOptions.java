package dev.mlops.core.registry;

import dev.mlops.api.registry.PromotionPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * How a registry stamps and guards its changes.
 *
 * <pre>{@code
 * RegistryOptions options = RegistryOptions.builder()
 *     .actor("ci@build-4411")
 *     .promotionPolicy(PromotionPolicy.requirePassingGate(Set.of("champion")))
 *     .build();
 * ModelRegistry registry = Registries.open(Path.of("models"), options);
 * }</pre>
 *
 * <p>Defaults: the UTC system clock, the {@code user.name} system property as actor, a policy that
 * allows every alias move, and durable writes (each file forced to disk before it becomes visible).
 */
public final class RegistryOptions {
  private final Clock clock;
  private final String actor;
  private final PromotionPolicy promotionPolicy;
  private final boolean durable;

  private RegistryOptions(Builder b) {
    this.clock = b.clock;
    this.actor = b.actor;
    this.promotionPolicy = b.promotionPolicy;
    this.durable = b.durable;
  }

  /** @return the defaults */
  public static RegistryOptions defaults() {
    return builder().build();
  }

  /** @return a new builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the clock that stamps versions and audit entries */
  public Clock clock() {
    return clock;
  }

  /** @return the actor recorded in the audit log */
  public String actor() {
    return actor;
  }

  /** @return the rule checked before an alias moves */
  public PromotionPolicy promotionPolicy() {
    return promotionPolicy;
  }

  /** @return whether files are forced to disk before they become visible */
  public boolean durable() {
    return durable;
  }

  /** Builds {@link RegistryOptions}; every setter validates at once. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private String actor = System.getProperty("user.name", "unknown");
    private PromotionPolicy promotionPolicy = PromotionPolicy.allowAll();
    private boolean durable = true;

    private Builder() {}

    /**
     * Sets the clock (inject a fixed or stepping clock in tests).
     *
     * @param value the clock
     * @return this
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets who the audit log records as making changes.
     *
     * @param value a non-blank name without control characters, at most 256 characters
     * @return this
     */
    public Builder actor(String value) {
      Objects.requireNonNull(value, "actor");
      if (value.isBlank() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("actor must be 1 to 256 characters without control characters, was \""
            + value.replaceAll("\\p{Cntrl}", "?") + "\"");
      }
      this.actor = value;
      return this;
    }

    /**
     * Sets the rule checked before an alias moves.
     *
     * @param value the policy
     * @return this
     */
    public Builder promotionPolicy(PromotionPolicy value) {
      this.promotionPolicy = Objects.requireNonNull(value, "promotionPolicy");
      return this;
    }

    /**
     * Whether each file is forced to disk before it becomes visible (default true). Turning it
     * off keeps writes atomic against crashes of the process but not of the machine.
     *
     * @param value whether to force
     * @return this
     */
    public Builder durable(boolean value) {
      this.durable = value;
      return this;
    }

    /** @return the options */
    public RegistryOptions build() {
      return new RegistryOptions(this);
    }
  }
}
