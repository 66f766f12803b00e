package io.continuity.playlog;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;

/**
 * The current (not overridden) events of one ScheduleDay version in time order, each already serialised as JSON in the
 * {@link PlaylogViews.EventView} shape: what the schedule queries copy into an answer. Instants are epoch microseconds,
 * the database's precision. Immutable, like the version.
 */
final class DayEvents {

    private final long[] startUs;
    private final long[] endUs;
    private final long[] offsetMs;
    private final byte[] json;
    /** Where event i's JSON starts in {@link #json}; one more entry marks the end. */
    private final int[] jsonStart;
    /** Whether both starts and ends ascend, so the events overlapping a range are one run of indexes found by search. */
    private final boolean ordered;

    DayEvents(long[] startUs, long[] endUs, long[] offsetMs, byte[] json, int[] jsonStart) {
        this.startUs = startUs;
        this.endUs = endUs;
        this.offsetMs = offsetMs;
        this.json = json;
        this.jsonStart = jsonStart;
        this.ordered = ascending(startUs) && ascending(endUs);
    }

    private static boolean ascending(long[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** False only for a day whose events overlap, which the queries then read from the database. */
    boolean ordered() {
        return ordered;
    }

    /** One event of a day. */
    record At(DayEvents day, int index) {

        long startUs() {
            return day.startUs[index];
        }

        long offsetMs() {
            return day.offsetMs[index];
        }

        void write(OutputStream out) throws IOException {
            day.writeEvent(index, out);
        }
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    int size() {
        return startUs.length;
    }

    /** Roughly the bytes this day holds, for the cache's bound. */
    int weight() {
        return json.length + startUs.length * 28 + 64;
    }

    /** The index of the first event that ends after {@code us} (the size when none does). Events do not overlap. */
    int firstEndingAfter(long us) {
        int i = Arrays.binarySearch(endUs, us);
        if (i < 0) {
            return -i - 1;
        }
        while (i < endUs.length && endUs[i] <= us) {
            i++;
        }
        return i;
    }

    /** The index of the first event that starts at or after {@code us} (the size when none does). */
    int firstStartingAtOrAfter(long us) {
        int i = Arrays.binarySearch(startUs, us);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && startUs[i - 1] >= us) {
            i--;
        }
        return i;
    }

    /** The bytes of events {@code from} (inclusive) to {@code to} (exclusive), without separators. */
    int bytes(int from, int to) {
        return jsonStart[to] - jsonStart[from];
    }

    /** Copies event {@code index}'s JSON into {@code target} at {@code at}; returns where it ends. */
    int copyEvent(int index, byte[] target, int at) {
        int length = jsonStart[index + 1] - jsonStart[index];
        System.arraycopy(json, jsonStart[index], target, at, length);
        return at + length;
    }

    void writeEvent(int index, OutputStream out) throws IOException {
        out.write(json, jsonStart[index], jsonStart[index + 1] - jsonStart[index]);
    }
}
