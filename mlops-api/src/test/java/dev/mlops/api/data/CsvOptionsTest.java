package dev.mlops.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {

  @Test
  void defaults_areDocumented() {
    CsvOptions d = CsvOptions.defaults();

    assertThat(d.delimiter()).isEqualTo(',');
    assertThat(d.quote()).isEqualTo('"');
    assertThat(d.escape()).isEmpty();
    assertThat(d.header()).isTrue();
    assertThat(d.nullTokens()).containsExactly("", "NA", "N/A", "null", "NULL");
    assertThat(d.inferTypes()).isTrue();
    assertThat(d.columnTypes()).isEmpty();
    assertThat(d.timestampZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.trimFields()).isFalse();
    assertThat(d.skipBlankLines()).isTrue();
    assertThat(d.duplicateHeaders()).isEqualTo(CsvOptions.DuplicateHeaders.FAIL);
  }

  @Test
  void namedSettings_replaceTheBooleanFlags() {
    CsvOptions o = CsvOptions.builder().noHeader().noTypeInference().trimFields().keepBlankLines().escape('\\')
        .build();

    assertThat(o.header()).isFalse();
    assertThat(o.inferTypes()).isFalse();
    assertThat(o.trimFields()).isTrue();
    assertThat(o.skipBlankLines()).isFalse();
    assertThat(o.escape()).contains('\\');
  }

  @Test
  void aSettingGivenTwiceThrowsNamingBothCalls() {
    assertThatThrownBy(() -> CsvOptions.builder().delimiter(';').delimiter('\t'))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("delimiter was already set by delimiter(';'); cannot also call delimiter('\t')");
    assertThatThrownBy(() -> CsvOptions.builder().nullTokens("NA").nullTokens("?"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("nullTokens was already set by nullTokens([NA]); cannot also call nullTokens([?])");
    assertThatThrownBy(() -> CsvOptions.builder().noHeader().noHeader())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("header was already set by noHeader(); cannot also call noHeader()");
    assertThatThrownBy(() -> CsvOptions.builder().charset(StandardCharsets.UTF_8).charset(StandardCharsets.ISO_8859_1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("charset was already set by charset(UTF-8); cannot also call charset(ISO-8859-1)");
    assertThatThrownBy(() -> CsvOptions.builder().columnType("age", ColumnType.INTEGRAL)
        .columnTypes(Map.of("age", ColumnType.NUMERIC)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'age' was already declared INTEGRAL; cannot also declare it NUMERIC");
  }

  @Test
  void contradictingCallsThrowNamingBoth() {
    assertThatThrownBy(() -> CsvOptions.builder().delimiter(';').quote(';'))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("delimiter was already set by delimiter(';'); cannot also call quote(';'): "
            + "the delimiter, quote and escape characters must differ");
    assertThatThrownBy(() -> CsvOptions.builder().escape('\\').delimiter('\\'))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("escape was already set by escape('\\'); cannot also call delimiter('\\')");
    assertThatThrownBy(() -> CsvOptions.builder().noHeader().duplicateHeaders(CsvOptions.DuplicateHeaders.RENAME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("header was already set by noHeader(); cannot also call duplicateHeaders(RENAME): "
            + "a file without a header has no names to repeat");
    assertThatThrownBy(() -> CsvOptions.builder().duplicateHeaders(CsvOptions.DuplicateHeaders.RENAME).noHeader())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("duplicateHeaders was already set by duplicateHeaders(RENAME); cannot also call noHeader(): "
            + "a file without a header has no names to repeat");
  }

  @Test
  void aCharacterEqualToAnotherOnesDefaultFailsAtBuild() {
    assertThatThrownBy(() -> CsvOptions.builder().delimiter('"').build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("three different characters");
    assertThatThrownBy(() -> CsvOptions.builder().escape(',').build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("three different characters");
    assertThat(CsvOptions.builder().delimiter('"').quote('\'').build().delimiter()).isEqualTo('"');
  }

  @Test
  void settersValidateAtOnce() {
    assertThatThrownBy(() -> CsvOptions.builder().delimiter('\n'))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delimiter cannot be a line break");
    assertThatThrownBy(() -> CsvOptions.builder().nullTokens("NA", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a null token");
    assertThatThrownBy(() -> CsvOptions.builder().timestampZone(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zone");
  }
}
