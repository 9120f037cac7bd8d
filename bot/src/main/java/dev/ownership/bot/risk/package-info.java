/**
 * The risk register: every risk flagged is an entry whose status its author, the team's leads and admins move from
 * open to mitigating to resolved or accepted; a private check-in asks the author once per follow-up period whether
 * it is still open; {@code /ownership risks} lists the register to whoever may see it.
 */
package dev.ownership.bot.risk;
