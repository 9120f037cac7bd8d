/** People's pauses: from a day until a day, or until they resume. */
package dev.ownership.storage.pause;
