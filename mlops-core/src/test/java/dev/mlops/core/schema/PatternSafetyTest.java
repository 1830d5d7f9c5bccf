package dev.mlops.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schema patterns come from files others write: they are matched in linear time (RE2/J), and the
 * constructs that need backtracking are refused with their place (issue 13, finding 15).
 */
class PatternSafetyTest {
  private static final String WHY = ": schema patterns are matched in linear time (RE2 syntax), without "
      + "backreferences, lookaround, atomic groups or possessive quantifiers";

  private static Schema schema(String regex) {
    return Schema.builder().field("k", ColumnType.CATEGORICAL, f -> f.pattern(regex)).build();
  }

  @Test
  void aCatastrophicPatternOnA35CharacterValueFinishesInMilliseconds() {
    // java.util.regex took 13.7 s on one such value (issue 13); a backtracking engine explores
    // about C(35, 12) ways to split it.
    Validator validator = Schemas.validator(schema("(.*a){12}"));
    Table t = Tables.builder().categorical("k", "a".repeat(34) + "b", "a".repeat(35), "b".repeat(35),
        "a".repeat(11) + "b".repeat(24)).build();

    long start = System.nanoTime();
    ValidationReport r = validator.validate(t);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("(.*a){12} on four 35-character values: %d ms%n", millis);

    assertThat(millis).isLessThan(1_000);
    assertThat(r.violations()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(ViolationKind.PATTERN_MISMATCH);
      assertThat(v.counts().failing()).isEqualTo(3);   // only the 35 a's end with (.*a) twelve times
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "(a)\\1|a backreference (\\1)|3",
      "(?<w>a)\\k<w>|a named backreference (\\k<...>)|7",
      "(?=a)a|a lookahead ((?=)|0",
      "x(?!a)|a lookahead ((?!)|1",
      "x(?<=a)|a lookbehind ((?<=)|1",
      "x(?<!a)|a lookbehind ((?<!)|1",
      "(?>ab)|an atomic group ((?>)|0",
      "ab*+|a possessive quantifier (*+)|2",
      "a{2}+|a possessive quantifier (}+)|3",
      "a?+|a possessive quantifier (?+)|1"})
  void backtrackingConstructsAreRefusedWhenTheSchemaIsBuiltWithTheirIndex(String regex, String what, int index) {
    assertThatThrownBy(() -> FieldSpec.builder("k", ColumnType.CATEGORICAL).pattern(regex))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'k': pattern uses " + what + " at index " + index + " of \"" + regex + "\"" + WHY);
  }

  @Test
  void backtrackingConstructsInASchemaFileAreRefusedWithTheJsonPath() {
    String json = "{\"formatVersion\": 1, \"fields\": [{\"name\": \"k\", \"type\": \"CATEGORICAL\", \"constraints\":"
        + " [{\"kind\": \"pattern\", \"regex\": \"(\\\\w+)\\\\1\"}]}]}";
    assertThatThrownBy(() -> Schemas.fromJson(json)).isInstanceOf(MalformedDataException.class)
        .hasMessage("<json>: $.fields[0].constraints[0]: pattern uses a backreference (\\1) at index 5 of "
            + "\"(\\w+)\\1\"" + WHY);
  }

  @Test
  void javaOnlySyntaxIsRefusedWhenAFileIsReadOrWrittenOrAValidatorIsCreated() {
    String json = "{\"formatVersion\": 1, \"fields\": [{\"name\": \"k\", \"type\": \"CATEGORICAL\", \"constraints\":"
        + " [{\"kind\": \"pattern\", \"regex\": \"abc\\\\Z\"}]}]}";
    assertThatThrownBy(() -> Schemas.fromJson(json)).isInstanceOf(MalformedDataException.class)
        .hasMessage("<json>: $.fields[0].constraints[0]: pattern does not compile (RE2 syntax): invalid escape "
            + "sequence \\Z at index 3 of \"abc\\Z\"");
    Schema inCode = schema("\\p{Alpha}+");
    String message = "field 'k': pattern does not compile (RE2 syntax): invalid character class range \\p{Alpha} "
        + "at index 0 of \"\\p{Alpha}+\"";
    assertThatThrownBy(() -> Schemas.validator(inCode)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    // What write produces, read must accept: such a schema is not written either.
    assertThatThrownBy(() -> Schemas.toJson(inCode)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void unclosedGroupsAndClassesAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> FieldSpec.builder("k", ColumnType.CATEGORICAL).pattern("a(b(c)"))
        .hasMessage("field 'k': pattern does not compile: unclosed group at index 1 of \"a(b(c)\"");
    assertThatThrownBy(() -> FieldSpec.builder("k", ColumnType.CATEGORICAL).pattern("[a-"))
        .hasMessage("field 'k': pattern does not compile: unclosed character class at index 0 of \"[a-\"");
    assertThatThrownBy(() -> FieldSpec.builder("k", ColumnType.CATEGORICAL).pattern("a)"))
        .hasMessage("field 'k': pattern does not compile: unmatched closing ')' at index 1 of \"a)\"");
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "[(?=]+|(?=|true",             // inside a class, (?= is three characters
      "[]a]+|]a]|true",              // a ']' first in a class is a literal
      "\\Q(?=\\E.|(?=x|true",        // quoted
      "a+?b|aab|true",               // lazy, not possessive
      "(?i)abc|ABC|true",
      "[[:alpha:]]+|abc|true",
      "\\p{Greek}+|αβγ|true",
      "(?<zip>\\d{5})|12345|true",
      "\\d{5}|1234|false"})
  void supportedSyntaxMatchesTheWholeValue(String regex, String value, boolean matches) {
    ValidationReport r = Schemas.validate(Tables.builder().categorical("k", value).build(), schema(regex));
    assertThat(r.violations().isEmpty()).isEqualTo(matches);
  }
}
