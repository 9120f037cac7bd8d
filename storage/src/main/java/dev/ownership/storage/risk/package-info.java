/**
 * The risk register: an entry for every risk flagged, its status and dated changes, the follow-up check-ins to its
 * author (each claimed once in the database), and each team's follow-up period.
 */
package dev.ownership.storage.risk;
