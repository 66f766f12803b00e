package io.continuity.events;

import java.util.Map;

/** A record ready for Kafka: topic, key, headers (CloudEvents binary mode) and the JSON payload bytes. */
public record OutgoingRecord(String topic, String key, Map<String, String> headers, byte[] payload) {
}
