/**
 * The columnar, typed data model every check in mlops-java scans: a {@link dev.mlops.api.data.Table}
 * of named {@link dev.mlops.api.data.Column}s.
 *
 * <p>A column is one of four kinds ({@link dev.mlops.api.data.NumericColumn},
 * {@link dev.mlops.api.data.CategoricalColumn}, {@link dev.mlops.api.data.BooleanColumn},
 * {@link dev.mlops.api.data.TimestampColumn}); every column has a null mask. For numeric columns
 * {@code NaN} and the infinities are values, not nulls: a check says which of them it counts.
 *
 * <p>This package holds the interfaces, the {@link dev.mlops.api.data.CsvOptions} of CSV reading and
 * the {@link dev.mlops.api.data.MalformedDataException} of unreadable input;
 * {@code dev.mlops.core.data.Tables} builds and reads tables.
 */
package dev.mlops.api.data;
