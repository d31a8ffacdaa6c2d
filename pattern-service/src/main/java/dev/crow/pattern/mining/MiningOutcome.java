package dev.crow.pattern.mining;

import java.util.List;

/**
 * The result of one mining run: the patterns, how much was read, and notes on what could not be
 * judged and why (too few days, no baseline), so an empty result explains itself.
 */
public record MiningOutcome(List<MinedPattern> patterns, long interactions, long sessions, List<String> notes) {
}
