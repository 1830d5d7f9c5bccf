/** Not public API: plumbing shared by the api's builders; it may change in any release. */
package dev.mlops.api.internal;
