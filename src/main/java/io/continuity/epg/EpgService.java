package io.continuity.epg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.continuity.api.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds guides from the stored playlog. It reads a margin of {@value #EDGE_MARGIN_HOURS} hours beyond each side of
 * the requested window, builds the entries over that, and returns those that overlap the window: so a programme at
 * the edge of a window gets the same start, stop and id whichever window it is asked through (its first part before
 * the window, and the next programme after it, are both seen).
 */
@ApplicationScoped
public class EpgService {

    static final int EDGE_MARGIN_HOURS = 6;
    private static final Duration EDGE_MARGIN = Duration.ofHours(EDGE_MARGIN_HOURS);

    private final EpgRepository repository;
    private final EpgBuilder builder = new EpgBuilder();

    public EpgService(EpgRepository repository) {
        this.repository = repository;
    }

    /** The guide of one channel over {@code range}. */
    public List<EpgEntry> guide(ChannelGuide.Channel channel, TimeRange range) {
        return guides(List.of(channel), range).get(0).entries();
    }

    /** The guides of the given channels over {@code range}, in the order given. */
    public List<ChannelGuide> guides(List<ChannelGuide.Channel> channels, TimeRange range) {
        Map<UUID, List<EpgEvent>> events = repository.programmeEvents(channels.stream().map(ChannelGuide.Channel::id).toList(),
                range.widen(EDGE_MARGIN));
        Set<UUID> assetUuids = new HashSet<>();
        events.values().forEach(list -> list.forEach(e -> assetUuids.add(e.assetUuid())));
        assetUuids.remove(null);
        Map<UUID, EpgAsset> assets = repository.assets(assetUuids);
        List<ChannelGuide> guides = new ArrayList<>(channels.size());
        for (ChannelGuide.Channel channel : channels) {
            List<EpgEntry> entries = builder.build(channel.id(), events.getOrDefault(channel.id(), List.of()), assets).stream()
                    .filter(e -> e.overlaps(range.from(), range.to()))
                    .toList();
            guides.add(new ChannelGuide(channel, entries));
        }
        return guides;
    }
}
