/**
 * The prompts' records: team schedules, each prompt delivered to a person and its fan-out, and what people shared
 * in answer (learnings, risks and risk check-ins, impact notes).
 */
package dev.ownership.storage.prompt;
