package dev.mlops.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelRefTest {

  @Test
  void factories_giveTheTwoSealedForms() {
    ModelRef.Version byNumber = ModelRef.version("churn", 3);
    ModelRef.Alias byAlias = ModelRef.alias("churn", "champion");

    assertThat(byNumber.name()).isEqualTo("churn");
    assertThat(byNumber.number()).isEqualTo(3);
    assertThat(byAlias.name()).isEqualTo("churn");
    assertThat(byAlias.alias()).isEqualTo("champion");
    assertThat(byNumber).isEqualTo(new ModelRef.Version("churn", 3)).isNotEqualTo(ModelRef.version("churn", 4));
    assertThat(byAlias).isEqualTo(new ModelRef.Alias("churn", "champion"));
    assertThat(ModelRef.class.isSealed()).isTrue();
    assertThat(ModelRef.class.getPermittedSubclasses()).containsExactlyInAnyOrder(ModelRef.Version.class,
        ModelRef.Alias.class);
  }

  @Test
  void parse_readsBackWhatToStringPrints() {
    for (ModelRef ref : List.of(ModelRef.version("churn", 1), ModelRef.version("a.b-c_d", 123_456_789),
        ModelRef.alias("churn", "champion"), ModelRef.alias("0model", "x-1_b"))) {
      assertThat(ModelRef.parse(ref.toString())).isEqualTo(ref);
    }
    assertThat(ModelRef.version("churn", 3)).hasToString("churn/3");
    assertThat(ModelRef.alias("churn", "champion")).hasToString("churn@champion");
    assertThat(ModelRef.parse("churn/3")).isInstanceOf(ModelRef.Version.class);
    assertThat(ModelRef.parse("churn@champion")).isInstanceOf(ModelRef.Alias.class);
  }

  @Test
  void parse_refusesMalformedTextQuotingItAndShowingBothForms() {
    for (String bad : List.of("churn", "churn/", "churn/x", "a/b/1", "../x/1", "churn/3@x", "@x", "/3",
        "churn/1234567890", "churn/-1")) {
      assertThatThrownBy(() -> ModelRef.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("model reference " + RegistryNames.quote(bad)
              + " is neither name/version (churn/3) nor name@alias (churn@champion)");
    }
    assertThatThrownBy(() -> ModelRef.parse("churn/0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version numbers start at 1, was 0");
    assertThatThrownBy(() -> ModelRef.parse("churn@")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("alias must not be empty; expected a letter first");
    assertThatThrownBy(() -> ModelRef.parse("churn@3")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("alias \"3\" is not allowed: expected a letter first");
    assertThatThrownBy(() -> ModelRef.parse("con@champion")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved device name");
    assertThatThrownBy(() -> ModelRef.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
  }

  @Test
  void constructors_validateLikeTheFactories() {
    assertThatThrownBy(() -> ModelRef.version("churn", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version numbers start at 1, was 0");
    assertThatThrownBy(() -> new ModelRef.Version("../etc", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model name \"../etc\"");
    assertThatThrownBy(() -> ModelRef.alias("churn", "a b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alias \"a b\"");
    assertThatThrownBy(() -> ModelRef.alias("churn", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("alias");
    assertThatThrownBy(() -> ModelRef.version(null, 1)).isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }
}
