package io.continuity.epg;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One programme in the guide, as served by {@code GET /api/v1/channels/{id}/epg} (snake_case on the wire) and written
 * to XMLTV. Entries of a channel never overlap and follow each other without holes: see {@link EpgBuilder}.
 *
 * @param programmeId the uuid of the programme's first playlog event
 * @param stopUtc     the start of the next programme, or the programme's own end when nothing follows it
 * @param title       the series title for an episode of a series, else the asset title
 * @param categories  from the asset's genre
 */
public record EpgEntry(UUID programmeId, UUID channelId, Instant startUtc, Instant stopUtc, String title, String episodeTitle,
                       Integer season, Integer episode, String description, List<String> categories, String rating, UUID assetUuid) {

    public EpgEntry {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean overlaps(Instant from, Instant to) {
        return stopUtc.isAfter(from) && startUtc.isBefore(to);
    }
}
