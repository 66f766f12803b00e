package io.continuity.api;

import jakarta.ws.rs.core.EntityTag;

/** Conditional GETs: whether an {@code If-None-Match} header names the current entity tag (RFC 9110, weak comparison). */
public final class EntityTags {

    private EntityTags() {
    }

    /** True when {@code ifNoneMatch} is {@code *} or lists {@code current}, strong or weak: the client's copy is current. */
    public static boolean matches(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + current.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
