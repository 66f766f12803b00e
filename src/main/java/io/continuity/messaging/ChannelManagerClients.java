package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The plain Kafka clients a ChannelManager uses (the reference one and the playout one): a consumer of its own group
 * reading from the earliest offset, a producer for as-run, both from the service's Kafka settings (bootstrap servers,
 * SASL, TLS), as docs/channel-manager.md tells any implementer.
 */
public final class ChannelManagerClients {

    private ChannelManagerClients() {
    }

    /** A consumer of {@code groupId} that starts at the earliest offset the first time. */
    public static KafkaConsumer<String, byte[]> consumer(Map<String, Object> kafkaConfig, String groupId) {
        Map<String, Object> props = clientProps(kafkaConfig, ConsumerConfig.configNames());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** A producer that waits for every in-sync replica. */
    public static KafkaProducer<String, byte[]> producer(Map<String, Object> kafkaConfig) {
        Map<String, Object> props = clientProps(kafkaConfig, ProducerConfig.configNames());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** A record header as text, or null when the record has none of that name. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> clientProps(Map<String, Object> kafkaConfig, Set<String> names) {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (names.contains(k)) {
                props.put(k, v);
            }
        });
        return props;
    }
}
