package dev.mlops.api.registry;

/**
 * Stored bytes do not match their recorded SHA-256 digest (or size): the artifact was corrupted or
 * tampered with. Nothing is decoded from such bytes.
 */
public class IntegrityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String expected;
  private final String actual;

  /**
   * Creates the exception.
   *
   * @param location where the bytes were read (a file path or a store's key)
   * @param expected the recorded digest
   * @param actual the digest of the bytes found, or a description of what was found
   */
  public IntegrityException(String location, String expected, String actual) {
    super("artifact " + location + " failed verification: expected " + expected + " but the stored bytes hash to "
        + actual + "; the artifact is corrupted and was not loaded");
    this.location = location;
    this.expected = expected;
    this.actual = actual;
  }

  /** @return where the bytes were read */
  public String location() {
    return location;
  }

  /** @return the recorded digest */
  public String expected() {
    return expected;
  }

  /** @return what the bytes hash to */
  public String actual() {
    return actual;
  }
}
