/** The weekly digest's records: which digests went to which lead, and the week's figures read for it. */
package dev.ownership.storage.digest;
