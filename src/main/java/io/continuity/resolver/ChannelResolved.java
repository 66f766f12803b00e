package io.continuity.resolver;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel's horizon was just resolved, in the transaction that still holds the channel's lock: features that keep
 * inputs until the channel's days exist (overrides read from the log while catching up) apply them now, as of the
 * resolution's decision time {@code at}.
 */
public record ChannelResolved(UUID channelId, Instant at) {
}
