/**
 * Adapters between mlops-java tables and Tribuo datasets, so host code can validate a table and
 * then train on it, or check the data inside a Tribuo dataset. Start at
 * {@link dev.mlops.tribuo.TribuoTables}.
 */
package dev.mlops.tribuo;
