/**
 * AssertJ assertions for data and models, so ordinary JUnit tests can fail a build on bad data.
 * Start at {@link dev.mlops.testing.MlopsAssertions}.
 */
package dev.mlops.testing;
