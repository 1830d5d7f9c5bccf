package dev.mlops.api.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A rule checked before an alias moves. It returns the reason for refusing, or empty to allow;
 * the registry then throws {@link PromotionRejectedException} with that reason.
 *
 * <pre>{@code
 * // @champion may only point at a version whose recorded gate result passed
 * PromotionPolicy policy = PromotionPolicy.requirePassingGate(Set.of("champion"));
 * // and only at versions tagged as reviewed
 * policy = policy.and((alias, v) -> v.tags().containsKey("reviewed-by")
 *     ? Optional.empty() : Optional.of("version " + v.version() + " has no reviewed-by tag"));
 * }</pre>
 */
@FunctionalInterface
public interface PromotionPolicy {

  /**
   * Decides whether {@code alias} may point at {@code candidate}.
   *
   * @param alias the alias to move
   * @param candidate the version it would point at
   * @return the reason for refusing, or empty to allow
   */
  Optional<String> refusal(String alias, ModelVersion candidate);

  /**
   * Combines two policies: both must allow.
   *
   * @param other the other policy
   * @return the combined policy
   */
  default PromotionPolicy and(PromotionPolicy other) {
    Objects.requireNonNull(other, "other");
    return (alias, candidate) -> {
      Optional<String> first = refusal(alias, candidate);
      return first.isPresent() ? first : other.refusal(alias, candidate);
    };
  }

  /** @return a policy that allows every move */
  static PromotionPolicy allowAll() {
    return (alias, candidate) -> Optional.empty();
  }

  /** @return a policy requiring, for every alias, a passing gate result recorded on the version */
  static PromotionPolicy requirePassingGate() {
    return PromotionPolicy::gateRefusal;
  }

  /**
   * Requires a passing gate result on the version only for the given aliases.
   *
   * @param aliases the guarded aliases, such as {@code champion}
   * @return the policy
   */
  static PromotionPolicy requirePassingGate(Set<String> aliases) {
    Set<String> guarded = Set.copyOf(aliases);
    guarded.forEach(RegistryNames::checkAlias);
    return (alias, candidate) -> guarded.contains(alias) ? gateRefusal(alias, candidate) : Optional.empty();
  }

  private static Optional<String> gateRefusal(String alias, ModelVersion candidate) {
    if (candidate.gateResult().isEmpty()) {
      return Optional.of("version " + candidate.version() + " has no gate result recorded; @" + alias
          + " requires a passing quality gate");
    }
    if (!candidate.gateResult().get().passed()) {
      return Optional.of("version " + candidate.version() + " failed its quality gate (verdict "
          + candidate.gateResult().get().verdict() + "); @" + alias + " requires a passing quality gate");
    }
    return Optional.empty();
  }
}
