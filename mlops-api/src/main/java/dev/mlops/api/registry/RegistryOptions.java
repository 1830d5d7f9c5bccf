package dev.mlops.api.registry;

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
 * allows every alias move, and {@link Durability#SURVIVES_MACHINE_CRASH}.
 */
public final class RegistryOptions {
  private static final RegistryOptions DEFAULTS = builder().build();

  private final Clock clock;
  private final String actor;
  private final PromotionPolicy promotionPolicy;
  private final Durability durability;

  /** How far a file registry goes to keep a committed write. */
  public enum Durability {
    /** Each file is forced to disk before it becomes visible: a write survives a crash of the machine. */
    SURVIVES_MACHINE_CRASH,
    /**
     * Files are not forced to disk: writes stay atomic when the process dies, but the last ones may
     * be lost if the machine crashes. Faster; for tests, benchmarks and scratch registries.
     */
    SURVIVES_PROCESS_CRASH
  }

  private RegistryOptions(Builder b) {
    this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
    this.actor = b.actor == null ? System.getProperty("user.name", "unknown") : b.actor;
    this.promotionPolicy = b.promotionPolicy == null ? PromotionPolicy.allowAll() : b.promotionPolicy;
    this.durability = b.durability == null ? Durability.SURVIVES_MACHINE_CRASH : b.durability;
  }

  /** @return the defaults */
  public static RegistryOptions defaults() {
    return DEFAULTS;
  }

  /** @return a new builder with nothing set (each unset option takes its default) */
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

  /** @return how far a file registry goes to keep a committed write */
  public Durability durability() {
    return durability;
  }

  @Override
  public String toString() {
    return "RegistryOptions[clock=" + clock + ", actor=" + actor + ", durability=" + durability + "]";
  }

  /** Builds {@link RegistryOptions}; every setter validates at once, and each option is set once. */
  public static final class Builder {
    private Clock clock;
    private String actor;
    private PromotionPolicy promotionPolicy;
    private Durability durability;

    private Builder() {}

    /**
     * Sets the clock (inject a fixed or stepping clock in tests). Default: {@link Clock#systemUTC()}.
     *
     * @param value the clock
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder clock(Clock value) {
      Objects.requireNonNull(value, "clock");
      BuilderChecks.once("clock", clock, value);
      this.clock = value;
      return this;
    }

    /**
     * Sets who the audit log records as making changes. Default: the {@code user.name} system property.
     *
     * @param value a non-blank name without control characters, at most 256 characters
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder actor(String value) {
      Objects.requireNonNull(value, "actor");
      if (value.isBlank() || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("actor must be 1 to 256 characters without control characters, was \""
            + value.replaceAll("\\p{Cntrl}", "?") + "\"");
      }
      BuilderChecks.once("actor", actor, value);
      this.actor = value;
      return this;
    }

    /**
     * Sets the rule checked before an alias moves. Default: {@link PromotionPolicy#allowAll()}.
     *
     * @param value the policy
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder promotionPolicy(PromotionPolicy value) {
      Objects.requireNonNull(value, "promotionPolicy");
      BuilderChecks.once("promotionPolicy", promotionPolicy, value);
      this.promotionPolicy = value;
      return this;
    }

    /**
     * Sets how far a file registry goes to keep a committed write (an in-memory registry ignores
     * it). Default: {@link Durability#SURVIVES_MACHINE_CRASH}.
     *
     * @param value the durability
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder durability(Durability value) {
      Objects.requireNonNull(value, "durability");
      BuilderChecks.once("durability", durability, value);
      this.durability = value;
      return this;
    }

    /** @return the options */
    public RegistryOptions build() {
      return new RegistryOptions(this);
    }
  }
}
