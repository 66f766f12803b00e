package io.continuity.channel;

import java.util.List;

/** Grid arithmetic on schedule-time minutes, shared by validation and queries. */
public final class GridRules {

    private GridRules() {
    }

    /** Whether schedule-time {@code startMinute} lands on a block start, given the day start (minutes after midnight). */
    public static boolean onOffset(int dayStartMinute, int startMinute, List<Integer> offsets) {
        return offsets.contains((dayStartMinute + startMinute) % 60);
    }
}
