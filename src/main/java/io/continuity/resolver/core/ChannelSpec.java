package io.continuity.resolver.core;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The channel configuration the resolver needs (DESIGN §2 "Channel"): zone, grid and day anchor, the filler
 * rule and optional default programming. The constructor enforces the grid invariants, so every other class can
 * rely on them.
 *
 * @param gridBlockMinutes         15, 30 or 60
 * @param blockStartOffsetsMinutes sorted unique minutes 0–59 at which blocks start each hour; consecutive offsets,
 *                                 cyclically, are a multiple of the grid apart
 * @param programmingDayStart      local time at which every broadcast day starts; its minute is an offset
 * @param fillerRule               selects the channel's filler pool (filler, bumper, promo kinds when it names
 *                                 no kind)
 * @param defaultProgramming       what airs when nothing else can, or null for filler
 */
public record ChannelSpec(UUID id, String slug, ZoneId zone, int gridBlockMinutes,
                          List<Integer> blockStartOffsetsMinutes, LocalTime programmingDayStart,
                          ContentRule fillerRule, ContentRef defaultProgramming) {

    private static final Set<Integer> GRIDS = Set.of(15, 30, 60);

    public ChannelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(programmingDayStart, "programmingDayStart");
        if (!GRIDS.contains(gridBlockMinutes)) {
            throw new IllegalArgumentException("grid_block_minutes must be 15, 30 or 60: " + gridBlockMinutes);
        }
        blockStartOffsetsMinutes = List.copyOf(blockStartOffsetsMinutes);
        checkOffsets(blockStartOffsetsMinutes, gridBlockMinutes);
        if (programmingDayStart.getSecond() != 0 || programmingDayStart.getNano() != 0
                || !blockStartOffsetsMinutes.contains(programmingDayStart.getMinute())) {
            throw new IllegalArgumentException("programming_day_start " + programmingDayStart
                    + " must start on a block offset " + blockStartOffsetsMinutes);
        }
        fillerRule = fillerRule == null ? ContentRule.any() : fillerRule;
    }

    /** Whether blocks may start at this minute of the hour. */
    public boolean isOffsetMinute(int minuteOfHour) {
        return blockStartOffsetsMinutes.contains(minuteOfHour);
    }

    private static void checkOffsets(List<Integer> offsets, int grid) {
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("block_start_offsets_minutes must not be empty");
        }
        for (int i = 0; i < offsets.size(); i++) {
            int current = offsets.get(i);
            int next = i + 1 < offsets.size() ? offsets.get(i + 1) : offsets.get(0) + 60;
            if (current < 0 || current > 59 || next <= current || (next - current) % grid != 0) {
                throw new IllegalArgumentException("block_start_offsets_minutes " + offsets
                        + " must be sorted unique minutes 0-59 spaced by multiples of " + grid);
            }
        }
    }
}
