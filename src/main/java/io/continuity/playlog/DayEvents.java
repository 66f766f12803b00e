package io.continuity.playlog;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The current (not overridden) events of one ScheduleDay version in time order, each already serialised as JSON in the
 * {@link PlaylogViews.EventView} shape: what the schedule queries copy into an answer. Instants are epoch microseconds,
 * the database's precision. Immutable, like the version.
 *
 * <p>The JSON is held deflated in blocks of {@value #BLOCK} events: a busy day's ~140 kB of events (field names and
 * UUIDs repeat from event to event) takes about a tenth of that, so the days every channel's {@code now} and 24-hour
 * range read fit in memory at 1,000 channels (docs/decisions.md 16); an answer inflates only the blocks it covers.
 */
final class DayEvents {

    /** Events per deflated block: {@code now} inflates one or two blocks, a 24-hour range all of a day's. */
    static final int BLOCK = 16;
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);
    /** A block's inflated JSON, per thread: an answer copies from it and allocates nothing else. */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {new byte[16 * 1024]});

    private final long[] startUs;
    private final long[] endUs;
    private final long[] offsetMs;
    /** Block b's deflated JSON is {@code packed[packedStart[b], packedStart[b + 1])}. */
    private final byte[] packed;
    private final int[] packedStart;
    /** Where event i's JSON starts in the day's whole (inflated) JSON; one more entry marks the end. */
    private final int[] jsonStart;
    /** Whether both starts and ends ascend, so the events overlapping a range are one run of indexes found by search. */
    private final boolean ordered;

    DayEvents(long[] startUs, long[] endUs, long[] offsetMs, byte[] json, int[] jsonStart) {
        this.startUs = startUs;
        this.endUs = endUs;
        this.offsetMs = offsetMs;
        this.jsonStart = jsonStart;
        this.ordered = ascending(startUs) && ascending(endUs);
        int blocks = (startUs.length + BLOCK - 1) / BLOCK;
        this.packedStart = new int[blocks + 1];
        byte[] out = new byte[Math.max(64, json.length / 4)];
        int at = 0;
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            byte[] buffer = new byte[8192];
            for (int b = 0; b < blocks; b++) {
                packedStart[b] = at;
                int from = jsonStart[b * BLOCK];
                int to = jsonStart[Math.min(startUs.length, (b + 1) * BLOCK)];
                deflater.reset();
                deflater.setInput(json, from, to - from);
                deflater.finish();
                while (!deflater.finished()) {
                    int n = deflater.deflate(buffer);
                    if (at + n > out.length) {
                        out = Arrays.copyOf(out, Math.max(out.length * 2, at + n));
                    }
                    System.arraycopy(buffer, 0, out, at, n);
                    at += n;
                }
            }
        } finally {
            deflater.end();
        }
        packedStart[blocks] = at;
        this.packed = Arrays.copyOf(out, at);
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
            out.write(day.json(index));
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
        return packed.length + packedStart.length * 4 + startUs.length * 28 + 64;
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

    /**
     * Copies events {@code from} (inclusive) to {@code to} (exclusive) into {@code target} at {@code at}, separated by
     * commas (a comma before the first too when {@code comma}); returns where they end.
     */
    int copyEvents(int from, int to, boolean comma, byte[] target, int at) {
        byte[][] scratch = SCRATCH.get();
        for (int b = from / BLOCK; from < to; b++) {
            int blockStart = jsonStart[b * BLOCK];
            int blockEnd = jsonStart[Math.min(startUs.length, (b + 1) * BLOCK)];
            if (scratch[0].length < blockEnd - blockStart) {
                scratch[0] = new byte[Math.max(blockEnd - blockStart, scratch[0].length * 2)];
            }
            byte[] block = scratch[0];
            inflate(b, block, blockEnd - blockStart);
            int last = Math.min(to, (b + 1) * BLOCK);
            for (int i = from; i < last; i++) {
                if (comma) {
                    target[at++] = ',';
                }
                comma = true;
                int length = jsonStart[i + 1] - jsonStart[i];
                System.arraycopy(block, jsonStart[i] - blockStart, target, at, length);
                at += length;
            }
            from = last;
        }
        return at;
    }

    /** The JSON of event {@code index}. */
    byte[] json(int index) {
        byte[] json = new byte[jsonStart[index + 1] - jsonStart[index]];
        copyEvents(index, index + 1, false, json, 0);
        return json;
    }

    /** Inflates block {@code b} (its {@code length} bytes of JSON) into the start of {@code into}. */
    private void inflate(int b, byte[] into, int length) {
        Inflater inflater = INFLATERS.get();
        try {
            inflater.reset();
            inflater.setInput(packed, packedStart[b], packedStart[b + 1] - packedStart[b]);
            int at = 0;
            while (at < length) {
                int n = inflater.inflate(into, at, length - at);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a deflated block of schedule events holds less than it should");
                }
                at += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a deflated block of schedule events is corrupt", e);
        }
    }
}
