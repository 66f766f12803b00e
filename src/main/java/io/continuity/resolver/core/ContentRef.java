package io.continuity.resolver.core;

import java.util.Objects;
import java.util.UUID;

/**
 * A reference to content outside an assignment: the channel's default programming (an asset or a rule).
 *
 * @param reference asset uuid (as a string) for ASSET, series id for SERIES, virtual asset uuid for
 *                  VIRTUAL_PACKAGE; unused for RULE and RANDOM
 * @param rule      the parsed rule for RULE and RANDOM, else null
 */
public record ContentRef(ContentType type, String reference, ContentRule rule) {

    public ContentRef {
        Objects.requireNonNull(type, "type");
    }

    public static ContentRef asset(UUID assetUuid) {
        return new ContentRef(ContentType.ASSET, assetUuid.toString(), null);
    }

    public static ContentRef rule(ContentRule rule) {
        return new ContentRef(ContentType.RULE, null, rule);
    }
}
