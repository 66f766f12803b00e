package io.continuity.bench;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.continuity.events.OutgoingRecord;

/** Publishes contract records the way another team's service would, asynchronously (acks=all); fails loudly on any error. */
final class RecordSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /**
     * @param lingerMs 0 for latency measurements (every record leaves at once), a few ms to batch a bulk load
     */
    RecordSender(String bootstrap, int lingerMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    void send(OutgoingRecord record) {
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(record.topic(), record.key(), record.payload());
        record.headers().forEach((k, v) -> kafkaRecord.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(kafkaRecord, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
        check();
    }

    /** Waits until everything sent so far is acknowledged. */
    void flush() {
        producer.flush();
        check();
    }

    private void check() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("Kafka refused a benchmark record: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
