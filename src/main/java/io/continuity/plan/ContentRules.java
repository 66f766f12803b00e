package io.continuity.plan;

import java.util.Map;

import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.resolver.core.ContentRule;
import io.continuity.resolver.core.PlaybackRules;
import io.continuity.resolver.core.RuleException;

/**
 * Validates the rule objects of the contract (DESIGN.md §3 "Rules") and assignment playback rules with the same
 * parsers the resolver uses, so whatever ingest accepts the resolver can read. Failures name the JSON field.
 */
public final class ContentRules {

    private ContentRules() {
    }

    /** A content rule ({@code content_reference} of rule/random, {@code filler_rule}, a virtual asset's rule). */
    public static ContentRule validate(Map<String, Object> rule, String field) {
        try {
            return ContentRule.fromMap(rule);
        } catch (RuleException e) {
            throw rejection(field, e);
        }
    }

    /** An assignment's {@code playback_rules}. */
    public static PlaybackRules validatePlayback(Map<String, Object> rules) {
        try {
            return PlaybackRules.fromMap(rules);
        } catch (RuleException e) {
            throw rejection("playback_rules", e);
        }
    }

    private static RejectedEventException rejection(String field, RuleException e) {
        String detail = e.getMessage().startsWith(e.key() + ": ") ? e.getMessage().substring(e.key().length() + 2) : e.getMessage();
        return new RejectedEventException(ReasonCode.INVALID_VALUE, field + "." + e.key(), detail);
    }
}
