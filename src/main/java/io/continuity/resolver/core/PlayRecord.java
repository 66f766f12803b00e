package io.continuity.resolver.core;

import java.time.Instant;
import java.util.UUID;

/** One airing (or scheduled airing) of an asset on a channel. */
public record PlayRecord(UUID assetUuid, Instant start) {
}
