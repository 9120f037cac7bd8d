/** Erasing a person from every table ({@code forget-me}) and deleting records older than the retention period. */
package dev.ownership.storage.privacy;
