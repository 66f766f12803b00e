package io.continuity.epg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a channel's playlog into its guide: the EPG is a coarser view of the playlog, one entry per programme.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Only {@code program}, {@code fallback} and {@code override} events with an asset are programmes; filler,
 *       bumpers and gaps never appear in the guide.</li>
 *   <li>A programme event continues the previous programme when it plays the same asset from where the previous part
 *       stopped ({@code offset_ms} = previous offset + previous duration, within {@value #CONTINUATION_TOLERANCE_MS} ms)
 *       and nothing but filler, bumpers or gaps lies between them: an item split at a frozen or override boundary, or
 *       around a break, is one entry. The same asset airing again from its beginning is a new entry.</li>
 *   <li>Filler, bumper and gap time is absorbed by the programme before it: an entry runs from its start to the start
 *       of the next entry, or to its own end when no programme follows among the events given. So a guide has no
 *       holes and no overlaps, and the schedule's padding never shows as a programme of its own. Time before the
 *       first programme of the events given belongs to no entry.</li>
 * </ol>
 * Events may come in any order; a programme that starts at the same instant as a later one in the input (only possible
 * with inconsistent input) is shadowed by it rather than overlapping it. Plain Java: no framework types.
 */
public final class EpgBuilder {

    static final long CONTINUATION_TOLERANCE_MS = 1_000;

    private static final String UNTITLED = "To be announced";

    /** The guide of one channel for {@code events}, with metadata from {@code assets} (keyed by asset uuid). */
    public List<EpgEntry> build(UUID channelId, List<EpgEvent> events, Map<UUID, EpgAsset> assets) {
        List<Programme> programmes = programmes(events);
        List<EpgEntry> entries = new ArrayList<>(programmes.size());
        for (int i = 0; i < programmes.size(); i++) {
            Programme p = programmes.get(i);
            Instant stop = i + 1 < programmes.size() ? programmes.get(i + 1).start : p.end;
            if (stop.isAfter(p.start)) {
                entries.add(entry(channelId, p, stop, assets.get(p.first.assetUuid())));
            }
        }
        return entries;
    }

    private static List<Programme> programmes(List<EpgEvent> events) {
        List<Programme> programmes = new ArrayList<>();
        events.stream()
                .filter(e -> e.kind().isProgramme() && e.assetUuid() != null && e.end().isAfter(e.start()))
                .sorted(Comparator.comparing(EpgEvent::start))
                .forEachOrdered(e -> {
                    Programme last = programmes.isEmpty() ? null : programmes.get(programmes.size() - 1);
                    if (last != null && last.continuedBy(e)) {
                        last.extend(e);
                    } else {
                        programmes.add(new Programme(e));
                    }
                });
        return programmes;
    }

    private static EpgEntry entry(UUID channelId, Programme p, Instant stop, EpgAsset asset) {
        EpgEvent first = p.first;
        if (asset == null) {
            return new EpgEntry(first.uuid(), channelId, p.start, stop, orElse(first.title(), UNTITLED), null, null, null, null,
                    List.of(), null, first.assetUuid());
        }
        String title = orElse(asset.seriesTitle(), orElse(asset.title(), orElse(first.title(), UNTITLED)));
        return new EpgEntry(first.uuid(), channelId, p.start, stop, title, blankToNull(asset.episodeTitle()), asset.season(),
                asset.episode(), blankToNull(asset.description()), categories(asset.genre()), blankToNull(asset.rating()), first.assetUuid());
    }

    /** A genre may list several categories separated by commas or semicolons ("Comedy, Drama"). */
    static List<String> categories(String genre) {
        if (genre == null) {
            return List.of();
        }
        return Arrays.stream(genre.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The playlog events that make up one programme, in time order. */
    private static final class Programme {
        private final EpgEvent first;
        private final Instant start;
        private EpgEvent last;
        private Instant end;

        Programme(EpgEvent event) {
            this.first = event;
            this.start = event.start();
            this.last = event;
            this.end = event.end();
        }

        boolean continuedBy(EpgEvent next) {
            long expectedOffset = last.offsetMs() + last.duration().toMillis();
            return next.assetUuid().equals(last.assetUuid())
                    && !next.start().isBefore(end)
                    && Math.abs(next.offsetMs() - expectedOffset) <= CONTINUATION_TOLERANCE_MS;
        }

        void extend(EpgEvent next) {
            last = next;
            end = next.end();
        }
    }
}
