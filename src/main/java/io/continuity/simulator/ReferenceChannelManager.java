package io.continuity.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.continuity.inputs.ChannelEntity;
import io.continuity.events.AsRunRecorded;
import io.continuity.events.CloudEventCodec;
import io.continuity.messaging.ChannelManagerClients;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.OutgoingRecord;
import io.continuity.events.OverrideApplied;
import io.continuity.events.Topic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The reference ChannelManager: what a playout engine integrating with Continuity does, using only the public topics.
 * It reads {@code continuity.playlog} and {@code continuity.overrides} with its own consumer group, keeps a
 * {@link Timeline} per channel, plays it on the service clock with a {@link PlayoutEngine}, and publishes
 * {@code continuity.asrun.recorded.v1}. See docs/channel-manager.md.
 */
@ApplicationScoped
public class ReferenceChannelManager {

    private static final Logger LOG = Logger.getLogger(ReferenceChannelManager.class);

    private final SimulatorConfig config;
    private final Map<String, Object> kafkaConfig;
    private final CloudEventCodec codec;
    private final Clock clock;
    private final Map<UUID, PlayoutEngine> engines = new HashMap<>();
    private final Map<UUID, Boolean> wanted = new HashMap<>();
    private final List<AsRunRecorded> pending = new java.util.ArrayList<>();
    private volatile boolean running;
    private Thread thread;

    public ReferenceChannelManager(SimulatorConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            CloudEventCodec codec, Clock clock) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.codec = codec;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("reference-channel-manager").daemon().start(this::run);
        LOG.infof("Reference ChannelManager on (channels: %s, fault rate %.2f, missing assets %s)",
                config.channels().map(Object::toString).orElse("all"), config.faults().rate(), config.faults().missingAssets().orElse(List.of()));
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> consumer = ChannelManagerClients.consumer(kafkaConfig, config.groupId());
                KafkaProducer<String, byte[]> producer = ChannelManagerClients.producer(kafkaConfig)) {
            consumer.subscribe(List.of(Topic.PLAYLOG.topicName(), Topic.OVERRIDES.topicName()));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(config.tick())) {
                    receive(record);
                }
                engines.values().forEach(engine -> engine.tick(clock.instant()));
                pending.forEach(r -> send(producer, r));
                pending.clear();
            }
        } catch (RuntimeException e) {
            LOG.error("Reference ChannelManager stopped", e);
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        try {
            String type = ChannelManagerClients.header(record, "ce_type");
            if ("continuity.playlog.day-published.v1".equals(type)) {
                DayPublished day = EventJson.mapper().readValue(record.value(), DayPublished.class);
                engine(day.channelId()).ifPresent(e -> e.timeline().apply(day));
            } else if ("continuity.override.applied.v1".equals(type)) {
                OverrideApplied override = EventJson.mapper().readValue(record.value(), OverrideApplied.class);
                engine(override.channelId()).ifPresent(e -> e.timeline().apply(override));
            }
        } catch (java.io.IOException e) {
            LOG.warnf("Ignoring unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private java.util.Optional<PlayoutEngine> engine(UUID channelId) {
        if (!wanted.computeIfAbsent(channelId, this::plays)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(engines.computeIfAbsent(channelId, id -> new PlayoutEngine(id, new Timeline(),
                new HashSet<>(config.faults().missingAssets().orElse(List.of())), config.faults().rate(), config.faults().seed(),
                config.faults().shift(), pending::add)));
    }

    private boolean plays(UUID channelId) {
        if (config.channels().isEmpty()) {
            return true;
        }
        Set<String> slugs = Set.copyOf(config.channels().get());
        String slug = QuarkusTransaction.requiringNew().call(() -> {
            ChannelEntity channel = ChannelEntity.findById(channelId);
            return channel == null ? null : channel.slug;
        });
        return slug != null && (slugs.contains(slug) || slugs.contains(channelId.toString()));
    }

    private void send(KafkaProducer<String, byte[]> producer, AsRunRecorded asRun) {
        OutgoingRecord out = codec.encode(asRun, asRun.channelId().toString(), asRun.asrunId().toString(), clock.instant(),
                "urn:continuity:reference-channel-manager");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(out.topic(), out.key(), out.payload());
        out.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    /** For tests and the guide: how many channels are being played. */
    public int channelsPlaying() {
        return engines.size();
    }
}
