package io.continuity.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;

/**
 * Validates the rule objects of the contract (DESIGN.md §3 "Rules"): the {@code content_reference} of rule/random
 * assignments, a channel's {@code filler_rule} and a virtual asset's rule. An unknown key is an error.
 */
public final class ContentRules {

    private static final Set<String> TEXT_OR_LIST = Set.of("kind", "genre", "rating", "series_id");
    private static final Set<String> KNOWN = Set.of("kind", "genre", "rating", "series_id", "tags", "min_duration",
            "max_duration", "freshness", "compatibility");

    private ContentRules() {
    }

    /** Throws a rejection naming {@code field.key} when the rule is not valid. */
    public static void validate(Map<String, Object> rule, String field) {
        for (Map.Entry<String, Object> entry : rule.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            String path = field + "." + key;
            if (!KNOWN.contains(key)) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, path, "unknown rule key; allowed: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
            if (TEXT_OR_LIST.contains(key) && !(value instanceof String || isStringList(value))) {
                throw new RejectedEventException(ReasonCode.WRONG_TYPE, path, "must be a string or a list of strings");
            }
            if ("tags".equals(key) && !isStringList(value)) {
                throw new RejectedEventException(ReasonCode.WRONG_TYPE, path, "must be a list of strings");
            }
            if (("min_duration".equals(key) || "max_duration".equals(key)) && !(value instanceof Integer i && i > 0)) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, path, "must be a positive whole number of minutes");
            }
            if ("compatibility".equals(key) && !(value instanceof String)) {
                throw new RejectedEventException(ReasonCode.WRONG_TYPE, path, "must be a string");
            }
            if ("freshness".equals(key) && !validFreshness(value)) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, path, "must be \"recent\" or {\"max_age_days\": N}");
            }
        }
        if (rule.get("min_duration") instanceof Integer min && rule.get("max_duration") instanceof Integer max && min > max) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, field + ".min_duration", "must not exceed max_duration");
        }
    }

    private static boolean isStringList(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    private static boolean validFreshness(Object value) {
        return "recent".equals(value) || value instanceof Map<?, ?> map && map.size() == 1
                && map.get("max_age_days") instanceof Integer days && days > 0;
    }
}
