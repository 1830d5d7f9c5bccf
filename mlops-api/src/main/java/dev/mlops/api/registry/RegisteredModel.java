package dev.mlops.api.registry;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named model: its aliases and the range of its version numbers.
 *
 * @param name the name
 * @param aliases alias to version number, sorted by alias
 * @param latestVersion the highest version number ever assigned (possibly deleted), from 1
 * @param liveVersions how many versions are not deleted
 */
public record RegisteredModel(String name, Map<String, Integer> aliases, int latestVersion, int liveVersions) {
  /**
   * Validates and copies the components.
   *
   * @param name the name
   * @param aliases the aliases
   * @param latestVersion the highest assigned number
   * @param liveVersions the number of live versions
   * @throws IllegalArgumentException unless {@code 0 <= liveVersions <= latestVersion} and {@code latestVersion >= 1}
   */
  public RegisteredModel {
    RegistryNames.checkModelName(name);
    Map<String, Integer> copy = new TreeMap<>();
    Objects.requireNonNull(aliases, "aliases").forEach((a, v) -> copy.put(RegistryNames.checkAlias(a),
        RegistryNames.checkVersion(v)));
    aliases = Collections.unmodifiableMap(copy);
    if (latestVersion < 1 || liveVersions < 0 || liveVersions > latestVersion) {
      throw new IllegalArgumentException("need 0 <= liveVersions <= latestVersion and latestVersion >= 1, was "
          + "liveVersions=" + liveVersions
          + " latestVersion=" + latestVersion);
    }
  }
}
