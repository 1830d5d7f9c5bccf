/**
 * Mergeable profiles over Apache DataSketches. Start at {@link dev.mlops.core.profile.Profiles}.
 */
package dev.mlops.core.profile;
