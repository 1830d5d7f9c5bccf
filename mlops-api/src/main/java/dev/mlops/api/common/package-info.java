/**
 * Vocabulary shared by every capability: how much a finding matters ({@link
 * dev.mlops.api.common.Severity}) and how p-values of many tests are corrected ({@link
 * dev.mlops.api.common.Correction}).
 */
package dev.mlops.api.common;
