package dev.ownership.bot.risk;

import dev.ownership.storage.workspace.Team;

/** Who may see a team's whole register and change any of its risks: its leads and admins. Thread-safe. */
@FunctionalInterface
public interface RiskStewards {
    /** Whether {@code userId} may see and change every risk of {@code team}. */
    boolean mayManage(String userId, Team team);
}
