/**
 * JSON for every result, profile and schema through one entry point, {@link
 * dev.mlops.core.json.MlopsJson}: the same value gives the same bytes, every document carries a
 * {@code formatVersion}, and every document written can be read back.
 */
package dev.mlops.core.json;
