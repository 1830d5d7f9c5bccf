/**
 * Not public API: types shared between mlops-core packages that may change without notice.
 */
package dev.mlops.core.internal;
