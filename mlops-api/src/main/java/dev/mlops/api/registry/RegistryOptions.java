package dev.mlops.api.registry;

import java.time.Clock;
import java.time.Duration;
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
 * allows every alias move, {@link Durability#SURVIVES_MACHINE_CRASH}, a write-lock timeout of 30
 * seconds and {@link Access#READ_WRITE_IF_WRITABLE}.
 */
public final class RegistryOptions {
  /** The default of {@link Builder#lockTimeout(Duration)}. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);

  private static final RegistryOptions DEFAULTS = builder().build();

  private final Clock clock;
  private final String actor;
  private final PromotionPolicy promotionPolicy;
  private final Durability durability;
  private final Duration lockTimeout;
  private final Access access;

  /** Whether a file registry may write. */
  public enum Access {
    /**
     * Read and write when the directory is writable; otherwise (a read-only mount, a folder of
     * another user) open read-only, and refuse every change with an {@link IllegalStateException}
     * that says why.
     */
    READ_WRITE_IF_WRITABLE,
    /** Read and write; opening fails if the directory is not writable. */
    READ_WRITE,
    /**
     * Never write a file, not even to recover from an interrupted write or to create the lock
     * file; every change is refused with an {@link IllegalStateException}.
     */
    READ_ONLY
  }

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
    this.lockTimeout = b.lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : b.lockTimeout;
    this.access = b.access == null ? Access.READ_WRITE_IF_WRITABLE : b.access;
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

  /**
   * @return how long a change waits for the write lock held by another process or thread before it
   *     fails naming the lock file; reads never wait
   */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /** @return whether a file registry may write */
  public Access access() {
    return access;
  }

  @Override
  public String toString() {
    return "RegistryOptions[clock=" + clock + ", actor=" + actor + ", durability=" + durability + ", lockTimeout="
        + lockTimeout + ", access=" + access + "]";
  }

  /** Builds {@link RegistryOptions}; every setter validates at once, and each option is set once. */
  public static final class Builder {
    private Clock clock;
    private String actor;
    private PromotionPolicy promotionPolicy;
    private Durability durability;
    private Duration lockTimeout;
    private Access access;

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

    /**
     * Sets how long a change (register, alias move, update, delete, gc) waits for the write lock
     * while another process or thread holds it; then it fails with an {@link IllegalStateException}
     * naming the lock file. Opening and reading never wait. An in-memory registry ignores it.
     * Default: {@link #DEFAULT_LOCK_TIMEOUT} (30 seconds).
     *
     * @param value zero (fail at once if the lock is taken) up to one day
     * @return this
     * @throws IllegalArgumentException if negative or longer than one day
     * @throws IllegalStateException if it was already set
     */
    public Builder lockTimeout(Duration value) {
      Objects.requireNonNull(value, "lockTimeout");
      if (value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("lockTimeout must be from PT0S to P1D, was " + value);
      }
      BuilderChecks.once("lockTimeout", lockTimeout, value);
      this.lockTimeout = value;
      return this;
    }

    /**
     * Sets whether a file registry may write (an in-memory registry ignores it). Default:
     * {@link Access#READ_WRITE_IF_WRITABLE}.
     *
     * @param value the access
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder access(Access value) {
      Objects.requireNonNull(value, "access");
      BuilderChecks.once("access", access, value);
      this.access = value;
      return this;
    }

    /** @return the options */
    public RegistryOptions build() {
      return new RegistryOptions(this);
    }
  }
}
