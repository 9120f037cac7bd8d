/** The watched teams (a standup channel each, its timezone, hours, leads and settings) and their members. */
package dev.ownership.storage.workspace;
