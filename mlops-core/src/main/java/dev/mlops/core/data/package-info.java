/**
 * Tables and columns: builders, CSV reading, records and maps, summaries.
 *
 * <p>Start at {@link dev.mlops.core.data.Tables}; CSV reading takes a
 * {@link dev.mlops.api.data.CsvOptions}.
 */
package dev.mlops.core.data;
