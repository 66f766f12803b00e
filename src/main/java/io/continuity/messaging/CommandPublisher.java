package io.continuity.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
    private final Map<String, Object> producerConfig;
    private KafkaProducer<String, byte[]> batching;
    private final CloudEventCodec codec;
    private final Clock clock;
    private final String source;
    private final String baseSource;

    public CommandPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CloudEventCodec codec, Clock clock,
            ContinuityConfig config) {
        this.codec = codec;
        this.clock = clock;
        this.baseSource = config.source();
        this.source = baseSource + "/rest";
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
        this.producerConfig = Map.copyOf(props);
        this.producer = new KafkaProducer<>(props);
    }

    /** One event to publish: keyed by {@code key}, with CloudEvents id {@code ceId}. */
    public record Command(ContinuityEvent event, String key, String ceId) {
    }

    /**
     * Publishes {@code commands} together and returns once Kafka has all of them. A separate producer lingers until
     * every record is handed over, so the records for one partition travel in one record batch, which the broker
     * appends and a consumer fetches whole: events that belong together (a channel with its plans) reach the consumer
     * in one poll instead of trickling in.
     */
    public void publishTogether(List<Command> commands) {
        publishTogether(commands, "rest");
    }

    /**
     * {@link #publishTogether(List)} for another part of the service than REST: {@code origin} names it in each record's
     * {@code ce_source} ({@code <continuity.source>/<origin>}, e.g. {@code urn:continuity:service/library}).
     */
    public synchronized void publishTogether(List<Command> commands, String origin) {
        String recordSource = baseSource + "/" + origin;
        if (batching == null) {
            Map<String, Object> props = new HashMap<>(producerConfig);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "continuity-rest-commands-batch");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 1_000);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 1024 * 1024);
            batching = new KafkaProducer<>(props);
        }
        List<Future<?>> sent = new ArrayList<>();
        for (Command command : commands) {
            sent.add(batching.send(kafkaRecord(command.event(), command.key(), command.ceId(), recordSource)));
        }
        batching.flush();
        for (Future<?> future : sent) {
            try {
                future.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not accept the commands: " + e.getMessage(), e);
            }
        }
    }

    /** Publishes {@code event} keyed by {@code key} with CloudEvents id {@code ceId}; blocks until acknowledged. */
    public void publish(ContinuityEvent event, String key, String ceId) {
        try {
            producer.send(kafkaRecord(event, key, ceId, source)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not accept the command: " + e.getMessage(), e);
        }
    }

    private ProducerRecord<String, byte[]> kafkaRecord(ContinuityEvent event, String key, String ceId, String recordSource) {
        OutgoingRecord record = codec.encode(event, key, ceId, clock.instant(), recordSource);
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(record.topic(), record.key(), record.payload());
        record.headers().forEach((k, v) -> kafkaRecord.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return kafkaRecord;
    }

    @PreDestroy
    synchronized void close() {
        producer.close();
        if (batching != null) {
            batching.close();
        }
    }
}
