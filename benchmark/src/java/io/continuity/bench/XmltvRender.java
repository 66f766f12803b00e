package io.continuity.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.continuity.epg.ChannelGuide;
import io.continuity.epg.EpgEntry;
import io.continuity.epg.XmltvWriter;
import io.continuity.events.EventJson;

/**
 * B5's guide writer row: 100 channels × 3 days of half-hour programmes (14,400) rendered by the writer alone, in this
 * JVM, without the database or HTTP — the part of the XMLTV export the service's own code decides. Median of five runs
 * after one warm-up.
 */
final class XmltvRender {

    private static final int RUNS = 5;

    private XmltvRender() {
    }

    static void measure(Table table) throws IOException {
        List<ChannelGuide> guides = guides();
        XmltvWriter writer = new XmltvWriter();
        writer.write(guides, OutputStream.nullOutputStream());
        double[] ms = new double[RUNS];
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            Counting out = new Counting();
            long start = System.nanoTime();
            writer.write(guides, out);
            ms[i] = (System.nanoTime() - start) / 1e6;
            bytes = out.count;
        }
        Arrays.sort(ms);
        double median = ms[RUNS / 2];
        double[] json = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            EventJson.mapper().writeValue(new Counting(), guides);
            json[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(json);
        table.add("B5", "guide writer alone (XMLTV format): 100 channels × 3 days, 14,400 programmes (median of " + RUNS + ")", median, "ms",
                json[RUNS / 2], "the same guides as JSON through Jackson data binding", "< 1 s", median < 1000);
        table.note(String.format("B5: the XMLTV writer rendered %,d bytes for 14,400 programmes in this JVM (no database, no HTTP).", bytes));
    }

    private static List<ChannelGuide> guides() {
        ZoneId zone = ZoneId.of("America/New_York");
        Instant t0 = Instant.parse("2026-11-23T23:00:00Z");
        List<ChannelGuide> guides = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            ChannelGuide.Channel channel = new ChannelGuide.Channel(UUID.randomUUID(), "channel-" + c, "Channel " + c, zone);
            List<EpgEntry> entries = new ArrayList<>();
            for (int slot = 0; slot < 3 * 48; slot++) {
                Instant start = t0.plus(Duration.ofMinutes(30L * slot));
                entries.add(new EpgEntry(UUID.randomUUID(), channel.id(), start, start.plus(Duration.ofMinutes(30)), "Series " + (slot % 40),
                        "Episode " + slot, 1 + slot / 24, 1 + slot % 24, "An episode of a long-running series, with a description of ordinary length.",
                        List.of("Comedy"), "TV-PG", UUID.randomUUID()));
            }
            guides.add(new ChannelGuide(channel, entries));
        }
        return guides;
    }

    private static final class Counting extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
