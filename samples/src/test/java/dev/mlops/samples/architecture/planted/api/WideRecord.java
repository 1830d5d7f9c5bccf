package dev.mlops.samples.architecture.planted.api;

/** A planted violation: a public api record with seven components. */
public record WideRecord(int a, int b, int c, int d, int e, int f, int g) {}
