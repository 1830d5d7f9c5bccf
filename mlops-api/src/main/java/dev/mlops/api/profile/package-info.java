/**
 * Mergeable summaries of data: a {@link dev.mlops.api.profile.TableProfile} of
 * {@link dev.mlops.api.profile.ColumnProfile}s. Profiles made on separate shards merge into the
 * profile of the whole. {@code dev.mlops.core.profile.Profiles} builds them.
 */
package dev.mlops.api.profile;
