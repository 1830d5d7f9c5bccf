package dev.mlops.api.registry;

/** The registry's {@link PromotionPolicy} refused to move an alias; the message gives its reason. */
public class PromotionRejectedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param ref the alias that was to move, such as {@code churn@champion}
   * @param version the version it was to point at
   * @param reason the policy's reason
   */
  public PromotionRejectedException(ModelRef ref, int version, String reason) {
    super("cannot point " + ref + " at version " + version + ": " + reason);
  }
}
