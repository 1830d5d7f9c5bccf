/**
 * Tables and columns: builders, CSV reading, records and maps, summaries.
 *
 * <p>Start at {@link dev.mlops.core.data.Tables}.
 */
package dev.mlops.core.data;
