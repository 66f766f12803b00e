package io.continuity.resolver.core;

import java.util.Locale;

/** How a block assignment names its content (seed 003 {@code content_type}). */
public enum ContentType {
    SERIES, ASSET, RULE, RANDOM, VIRTUAL_PACKAGE;

    /** Parses the wire form ({@code "series"}, {@code "virtual_package"}, ...). */
    public static ContentType parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new RuleException("content_type", "unknown content type '" + value + "'");
        }
    }
}
