package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.continuity.config.ContinuityConfig;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.OutgoingRecord;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes a REST command as an input event, exactly as another service would, and returns once Kafka has it
 * (acks=all). REST never writes projection tables: the consumer applies the event like any other.
 */
@ApplicationScoped
public class CommandPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventCodec codec;
    private final Clock clock;
    private final String source;

    public CommandPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CloudEventCodec codec, Clock clock,
            ContinuityConfig config) {
        this.codec = codec;
        this.clock = clock;
        this.source = config.source() + "/rest";
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "continuity-rest-commands");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /** Publishes {@code event} keyed by {@code key} with CloudEvents id {@code ceId}; blocks until acknowledged. */
    public void publish(ContinuityEvent event, String key, String ceId) {
        OutgoingRecord record = codec.encode(event, key, ceId, clock.instant(), source);
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(record.topic(), record.key(), record.payload());
        record.headers().forEach((k, v) -> kafkaRecord.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(kafkaRecord).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not accept the command: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
