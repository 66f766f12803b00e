package io.continuity.messaging;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.continuity.events.CloudEventCodec;

/** One consumed Kafka record: where it came from, its raw key, headers and value. */
public record RecordContext(String topic, int partition, long offset, String key, Map<String, String> headers,
        byte[] value, Instant recordTime) {

    public static RecordContext of(ConsumerRecord<String, byte[]> record) {
        return new RecordContext(record.topic(), record.partition(), record.offset(), record.key(),
                CloudEventCodec.headers(record.headers()), record.value(), Instant.ofEpochMilli(record.timestamp()));
    }

    /** "topic-partition@offset", for logs. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
