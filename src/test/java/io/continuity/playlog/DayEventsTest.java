package io.continuity.playlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A day's events held deflated in blocks give back exactly the JSON they were made from, for any run of events. */
class DayEventsTest {

    private static final int EVENTS = 3 * DayEvents.BLOCK + 5;

    private final List<String> events = new ArrayList<>();
    private final DayEvents day = day();

    private DayEvents day() {
        long[] start = new long[EVENTS];
        long[] end = new long[EVENTS];
        long[] offset = new long[EVENTS];
        int[] jsonStart = new int[EVENTS + 1];
        StringBuilder json = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < EVENTS; i++) {
            start[i] = 1_000_000L * 1800 * i;
            end[i] = start[i] + 1_000_000L * 1800;
            String event = "{\"uuid\":\"" + new UUID(random.nextLong(), random.nextLong()) + "\",\"kind\":\"program\",\"title\":\"Episode " + i
                    + "\",\"start_utc\":\"2026-12-07T" + i + "\"}";
            events.add(event);
            jsonStart[i] = json.length();
            json.append(event);
        }
        jsonStart[EVENTS] = json.length();
        return new DayEvents(start, end, offset, json.toString().getBytes(StandardCharsets.UTF_8), jsonStart);
    }

    @Test
    void everyRunOfEventsInflatesToTheJsonItWasMadeFrom() {
        for (int from = 0; from < EVENTS; from++) {
            for (int to = from + 1; to <= EVENTS; to++) {
                String expected = String.join(",", events.subList(from, to));
                byte[] target = new byte[day.bytes(from, to) + (to - from) + 1];
                int end = day.copyEvents(from, to, true, target, 0);
                assertThat(new String(target, 0, end, StandardCharsets.UTF_8)).as("events %d to %d", from, to).isEqualTo("," + expected);
                end = day.copyEvents(from, to, false, target, 0);
                assertThat(new String(target, 0, end, StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
    }

    @Test
    void oneEventIsWrittenAlone() throws IOException {
        for (int i : new int[] {0, DayEvents.BLOCK - 1, DayEvents.BLOCK, EVENTS - 1}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DayEvents.At(day, i).write(out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(events.get(i));
        }
    }

    @Test
    void theDayWeighsLessThanItsJson() {
        int json = String.join("", events).getBytes(StandardCharsets.UTF_8).length;
        assertThat(day.weight()).isLessThan(json);
    }
}
