package dev.mlops.api.registry;

/**
 * An optimistic precondition failed: an alias or a version was not at the expected version or
 * revision because someone else changed it first. The message names both.
 *
 * <pre>{@code
 * try {
 *   registry.setAlias("churn", "champion", 4, 3);   // move champion from 3 to 4
 * } catch (VersionConflictException e) {
 *   e.expected();  // 3
 *   e.actual();    // 5: another job promoted version 5 meanwhile
 * }
 * }</pre>
 */
public class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String target;
  private final int expected;
  private final int actual;

  /**
   * Creates the exception.
   *
   * @param target what was to be changed, such as {@code churn@champion} or {@code churn/3 revision}
   * @param expected the expected version or revision (0 for "absent")
   * @param actual the actual one (0 for "absent")
   */
  public VersionConflictException(String target, int expected, int actual) {
    super(target + ": expected " + describe(expected) + " but found " + describe(actual)
        + "; someone else changed it first, re-read and retry");
    this.target = target;
    this.expected = expected;
    this.actual = actual;
  }

  private static String describe(int v) {
    return v == 0 ? "none" : String.valueOf(v);
  }

  /** @return what was to be changed */
  public String target() {
    return target;
  }

  /** @return the expected version or revision, 0 for none */
  public int expected() {
    return expected;
  }

  /** @return the actual version or revision, 0 for none */
  public int actual() {
    return actual;
  }
}
