package dev.mlops.api.registry;

import java.util.Objects;

/** The registry's {@link PromotionPolicy} refused to move an alias; the message gives its reason. */
public class PromotionRejectedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient ModelRef.Alias alias;
  private final transient ModelRef.Version target;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param alias the alias that was to move, such as {@code churn@champion}
   * @param target the version it was to point at
   * @param reason the policy's reason
   */
  public PromotionRejectedException(ModelRef.Alias alias, ModelRef.Version target, String reason) {
    super("cannot point " + Objects.requireNonNull(alias, "alias") + " at version "
        + Objects.requireNonNull(target, "target").number() + ": " + Objects.requireNonNull(reason, "reason"));
    this.alias = alias;
    this.target = target;
    this.reason = reason;
  }

  /** @return the alias that was to move */
  public ModelRef.Alias alias() {
    return alias;
  }

  /** @return the version it was to point at */
  public ModelRef.Version target() {
    return target;
  }

  /** @return the policy's reason */
  public String reason() {
    return reason;
  }
}
