package dev.mlops.api.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for model names, aliases, tag keys and values. Names become folder names on disk, so
 * they are restricted to a portable, traversal-free alphabet; every check fails with a message
 * that quotes the value (with control characters escaped) and states the rule.
 *
 * <ul>
 *   <li>model name: 1 to {@value #MAX_NAME_LENGTH} characters from {@code A-Z a-z 0-9 . _ -},
 *       starting with a letter or digit (so never {@code .} or {@code ..}), and not a reserved
 *       device name such as {@code CON} or {@code NUL};
 *   <li>alias: 1 to {@value #MAX_ALIAS_LENGTH} characters from {@code A-Z a-z 0-9 _ -}, starting
 *       with a letter (so {@code churn@3} can never be mistaken for a version);
 *   <li>tag, metadata and metric key: 1 to {@value #MAX_KEY_LENGTH} characters from
 *       {@code A-Z a-z 0-9 . _ - : /}, starting with a letter or digit;
 *   <li>attachment name: as a key, 1 to {@value #MAX_KEY_LENGTH} characters from
 *       {@code A-Z a-z 0-9 . _ - : /}, starting with a letter or digit; at most
 *       {@value #MAX_ATTACHMENTS} attachments per version;
 *   <li>tag value: at most {@value #MAX_TAG_VALUE_LENGTH} characters, no control characters;
 *   <li>metadata value: at most {@value #MAX_METADATA_VALUE_LENGTH} characters; control
 *       characters other than tab, line feed and carriage return are refused.
 * </ul>
 */
public final class RegistryNames {
  /** The longest model name. */
  public static final int MAX_NAME_LENGTH = 128;
  /** The longest alias. */
  public static final int MAX_ALIAS_LENGTH = 64;
  /** The longest tag, metadata or metric key. */
  public static final int MAX_KEY_LENGTH = 128;
  /** The most attachments one version may have. */
  public static final int MAX_ATTACHMENTS = 16;
  /** The longest tag value. */
  public static final int MAX_TAG_VALUE_LENGTH = 1024;
  /** The longest metadata value (a provenance document fits). */
  public static final int MAX_METADATA_VALUE_LENGTH = 1 << 20;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");
  private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
      "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private RegistryNames() {}

  /**
   * Checks a model name.
   *
   * @param name the name
   * @return the name
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name breaks the rules, with the rule in the message
   */
  public static String checkModelName(String name) {
    Objects.requireNonNull(name, "name");
    check("model name", name, NAME, MAX_NAME_LENGTH,
        "a letter or digit first, then letters, digits, '.', '_' or '-'");
    String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("model name " + quote(name)
          + " is not allowed: it is a reserved device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)");
    }
    return name;
  }

  /**
   * Checks an alias.
   *
   * @param alias the alias
   * @return the alias
   * @throws NullPointerException if {@code alias} is null
   * @throws IllegalArgumentException if the alias breaks the rules
   */
  public static String checkAlias(String alias) {
    Objects.requireNonNull(alias, "alias");
    return check("alias", alias, ALIAS, MAX_ALIAS_LENGTH, "a letter first, then letters, digits, '_' or '-'");
  }

  /**
   * Checks a tag, metadata or metric key.
   *
   * @param key the key
   * @return the key
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException if the key breaks the rules
   */
  public static String checkKey(String key) {
    Objects.requireNonNull(key, "key");
    return check("key", key, KEY, MAX_KEY_LENGTH,
        "a letter or digit first, then letters, digits, '.', '_', '-', ':' or '/'");
  }

  /**
   * Checks an attachment name: the same rules as a key.
   *
   * @param name the attachment's name
   * @return the name
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name breaks the rules
   */
  public static String checkAttachmentName(String name) {
    Objects.requireNonNull(name, "attachment name");
    return check("attachment name", name, KEY, MAX_KEY_LENGTH,
        "a letter or digit first, then letters, digits, '.', '_', '-', ':' or '/'");
  }

  /**
   * Checks the number of attachments of one version.
   *
   * @param count the number
   * @return the number
   * @throws IllegalArgumentException if it is above {@value #MAX_ATTACHMENTS}
   */
  public static int checkAttachmentCount(int count) {
    if (count > MAX_ATTACHMENTS) {
      throw new IllegalArgumentException("a model version may have at most " + MAX_ATTACHMENTS
          + " attachments, was given " + count);
    }
    return count;
  }

  /**
   * Checks a tag value.
   *
   * @param key the tag's key, for the message
   * @param value the value
   * @return the value
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value is too long or holds a control character
   */
  public static String checkTagValue(String key, String value) {
    Objects.requireNonNull(value, "value of tag " + key);
    checkText("value of tag " + quote(key), value, MAX_TAG_VALUE_LENGTH, false);
    return value;
  }

  /**
   * Checks a metadata value.
   *
   * @param key the metadata key, for the message
   * @param value the value
   * @return the value
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if the value is too long or holds a control character other
   *     than tab, line feed or carriage return
   */
  public static String checkMetadataValue(String key, String value) {
    Objects.requireNonNull(value, "value of metadata " + key);
    checkText("value of metadata " + quote(key), value, MAX_METADATA_VALUE_LENGTH, true);
    return value;
  }

  /**
   * Checks a metric value.
   *
   * @param key the metric's key, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public static double checkMetric(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("metric " + quote(key) + " must be a finite number, was " + value);
    }
    return value;
  }

  /**
   * Checks a version number.
   *
   * @param version the number
   * @return the number
   * @throws IllegalArgumentException if it is below 1
   */
  public static int checkVersion(int version) {
    if (version < 1) {
      throw new IllegalArgumentException("version numbers start at 1, was " + version);
    }
    return version;
  }

  private static String check(String what, String value, Pattern pattern, int max, String rule) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty; expected " + rule);
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " " + quote(shorten(value)) + " is " + value.length()
          + " characters long; at most " + max + " are allowed");
    }
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " " + quote(value) + " is not allowed: expected " + rule
          + " (no '/', '\\', spaces or control characters)");
    }
    return value;
  }

  private static void checkText(String what, String value, int max, boolean allowLineBreaks) {
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " is " + value.length() + " characters long; at most " + max
          + " are allowed");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = allowLineBreaks && (c == '\t' || c == '\n' || c == '\r');
      if (Character.isISOControl(c) && !allowed) {
        throw new IllegalArgumentException(what + " holds control character " + String.format(Locale.ROOT, "U+%04X", (int) c)
            + " at index " + i + "; control characters are not allowed");
      }
    }
  }

  private static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  /**
   * Quotes a value for a message, escaping control characters.
   *
   * @param value the value
   * @return the quoted value
   */
  static String quote(String value) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
