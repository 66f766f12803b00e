package io.continuity.epg;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A channel and its guide for a window, the unit the XMLTV file is written from.
 *
 * @param entries in time order, without overlaps (see {@link EpgBuilder})
 */
public record ChannelGuide(Channel channel, List<EpgEntry> entries) {

    public ChannelGuide {
        entries = List.copyOf(entries);
    }

    /** What a guide says about a channel: its stable slug, display name and zone. */
    public record Channel(UUID id, String slug, String title, ZoneId zone) {
    }
}
