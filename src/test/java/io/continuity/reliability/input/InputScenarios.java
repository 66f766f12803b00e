package io.continuity.reliability.input;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;

/** What the input fault scenarios share: journal and rejection counts scoped to their own records, the DLQ, the heap. */
final class InputScenarios {

    private InputScenarios() {
    }

    /** How many of {@code eventIds} the journal holds as applied. */
    static long applied(Db db, Collection<String> eventIds) {
        return db.count("SELECT count(*) FROM event_journal WHERE outcome = 'APPLIED' AND event_id = ANY(string_to_array(?, ','))",
                String.join(",", eventIds));
    }

    /** How many of {@code eventIds} were refused (rejected_event). */
    static long rejected(Db db, Collection<String> eventIds) {
        return db.count("SELECT count(*) FROM rejected_event WHERE event_id = ANY(string_to_array(?, ','))", String.join(",", eventIds));
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? null : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The records of {@code dlq} that carry {@code header}, by its value; the topic is read from the start. */
    static Map<String, ConsumerRecord<String, byte[]>> deadLettered(KafkaTestClient kafka, String dlq, String header) {
        Map<String, ConsumerRecord<String, byte[]>> byValue = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : kafka.readAll(dlq, Integer.MAX_VALUE, Duration.ofSeconds(3))) {
            String value = header(r, header);
            if (value != null) {
                byValue.put(value, r);
            }
        }
        return byValue;
    }

    /** Heap in use after full collections: the part of the heap something still holds. */
    static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static List<String> ids(List<io.continuity.events.OutgoingRecord> records) {
        return records.stream().map(r -> r.headers().get("ce_id")).toList();
    }
}
