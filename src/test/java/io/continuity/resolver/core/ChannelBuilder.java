package io.continuity.resolver.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Test builder for {@link ChannelSpec}: UTC, grid 30 on [0, 30], day start 00:00, any filler, no default. */
final class ChannelBuilder {

    private String slug = "test-channel";
    private ZoneId zone = ZoneId.of("UTC");
    private int grid = 30;
    private List<Integer> offsets = List.of(0, 30);
    private LocalTime dayStart = LocalTime.MIDNIGHT;
    private ContentRule fillerRule = ContentRule.any();
    private ContentRef defaultProgramming;

    static ChannelBuilder channel() {
        return new ChannelBuilder();
    }

    ChannelBuilder slug(String value) {
        slug = value;
        return this;
    }

    ChannelBuilder zone(String id) {
        zone = ZoneId.of(id);
        return this;
    }

    ChannelBuilder grid(int minutes, Integer... blockStartOffsets) {
        grid = minutes;
        offsets = List.of(blockStartOffsets);
        return this;
    }

    ChannelBuilder dayStart(String localTime) {
        dayStart = LocalTime.parse(localTime);
        return this;
    }

    ChannelBuilder fillerRule(ContentRule rule) {
        fillerRule = rule;
        return this;
    }

    ChannelBuilder defaultProgramming(ContentRef ref) {
        defaultProgramming = ref;
        return this;
    }

    ChannelSpec build() {
        UUID id = UUID.nameUUIDFromBytes(("channel:" + slug).getBytes(StandardCharsets.UTF_8));
        return new ChannelSpec(id, slug, zone, grid, offsets, dayStart, fillerRule, defaultProgramming);
    }
}
