package io.continuity.playout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.AsRunRecorded;
import io.continuity.events.CloudEventCodec;
import io.continuity.messaging.ChannelManagerClients;
import io.continuity.events.DayPublished;
import io.continuity.events.EventJson;
import io.continuity.events.EventType;
import io.continuity.events.OutgoingRecord;
import io.continuity.events.OverrideApplied;
import io.continuity.events.Topic;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The playout ChannelManager: plays every channel it is given as live HLS with ffmpeg, using only the public topics. It reads
 * {@code continuity.playlog} and {@code continuity.overrides} with its own consumer group and {@code continuity.catalog-events}
 * (where each asset's file is) with another, keeps a {@link ChannelPlayout} per channel on the service clock, publishes
 * {@code continuity.asrun.recorded.v1} from what the streams actually showed, and serves the streams on its own port. See
 * docs/playout.md.
 */
@ApplicationScoped
public class PlayoutChannelManager {

    private static final Logger LOG = Logger.getLogger(PlayoutChannelManager.class);
    private static final String SOURCE = "urn:continuity:playout";
    private static final Duration CATALOG_CATCH_UP = Duration.ofSeconds(60);

    private final PlayoutConfig config;
    private final Map<String, Object> kafkaConfig;
    private final CloudEventCodec codec;
    private final Clock clock;
    private final MediaLibrary media;
    private final Map<UUID, ChannelPlayout> channels = new ConcurrentHashMap<>();
    private final List<AsRunRecorded> pending = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;
    private HlsServer server;

    public PlayoutChannelManager(PlayoutConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CloudEventCodec codec,
            Clock clock) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.codec = codec;
        this.clock = clock;
        this.media = new MediaLibrary(config.mediaRoot());
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            Files.createDirectories(config.outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + config.outputDir() + " (continuity.playout.output-dir)", e);
        }
        try {
            server = new HlsServer(config.outputDir(), config.httpPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve HLS on port " + config.httpPort() + " (continuity.playout.http-port)", e);
        }
        running = true;
        thread = Thread.ofPlatform().name("playout-channel-manager").daemon().start(this::run);
        LOG.infof("Playout ChannelManager on: channels %s, %s mode, streams at http://<host>:%d/hls/{channel_id}/live.m3u8, files in %s",
                config.channels().map(Object::toString).orElse("all"), config.mode().name().toLowerCase(java.util.Locale.ROOT), server.port(),
                config.outputDir());
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("The playout loop did not stop within 5 s; stopping its encoders from here, so no ffmpeg outlives the process");
                channels.values().forEach(ChannelPlayout::stop);
            }
        }
        if (server != null) {
            server.close();
        }
    }

    /** The port the streams are served on (the configured one, or the one picked when it is 0). */
    public int port() {
        return server == null ? -1 : server.port();
    }

    /** Whether the loop that reads the topics and drives the channels is running. */
    public boolean running() {
        return thread != null && thread.isAlive();
    }

    /** The channel's playout, once a record for it arrived. */
    public Optional<ChannelPlayout> channel(UUID channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> catalog = ChannelManagerClients.consumer(kafkaConfig, config.catalogGroupId());
                KafkaConsumer<String, byte[]> playlog = ChannelManagerClients.consumer(kafkaConfig, config.groupId());
                KafkaProducer<String, byte[]> producer = ChannelManagerClients.producer(kafkaConfig)) {
            try {
                catalog.subscribe(List.of(Topic.CATALOG_EVENTS.topicName()));
                catchUp(catalog);
                playlog.subscribe(List.of(Topic.PLAYLOG.topicName(), Topic.OVERRIDES.topicName()));
                while (running) {
                    catalog.poll(Duration.ofMillis(5)).forEach(this::catalogRecord);
                    for (ConsumerRecord<String, byte[]> record : playlog.poll(config.tick())) {
                        playlogRecord(record);
                    }
                    channels.values().forEach(this::tick);
                    pending.forEach(r -> send(producer, r));
                    pending.clear();
                }
            } finally {
                // before the clients close: closing them can wait for a broker that is gone, longer than shutdown waits
                channels.values().forEach(ChannelPlayout::stop);
            }
        } catch (RuntimeException e) {
            LOG.error("Playout ChannelManager stopped", e);
        }
    }

    /** Reads the catalog up to its end before playing anything, so no asset is skipped for want of a file the catalog names. */
    private void catchUp(KafkaConsumer<String, byte[]> catalog) {
        long deadline = System.nanoTime() + CATALOG_CATCH_UP.toNanos();
        int read = 0;
        while (running && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : catalog.poll(Duration.ofMillis(200))) {
                catalogRecord(record);
                read++;
            }
            Set<TopicPartition> assigned = catalog.assignment();
            if (!assigned.isEmpty() && catalog.endOffsets(assigned).entrySet().stream().allMatch(e -> catalog.position(e.getKey()) >= e.getValue())) {
                LOG.infof("Catalog read up to its end (%d records) before playout starts", read);
                return;
            }
        }
        LOG.warnf("Catalog not read to its end within %s; playout starts anyway and learns files as they arrive", CATALOG_CATCH_UP);
    }

    private void tick(ChannelPlayout channel) {
        try {
            channel.tick(clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Channel %s: playout step failed, retrying next tick", channel.channelId());
        }
    }

    private void catalogRecord(ConsumerRecord<String, byte[]> record) {
        try {
            String type = ChannelManagerClients.header(record, "ce_type");
            JsonNode payload = EventJson.mapper().readTree(record.value());
            if (EventType.ASSET_UPSERTED.ceType().equals(type)) {
                media.upserted(payload);
            } else if (EventType.ASSET_RETIRED.ceType().equals(type) && payload.hasNonNull("asset_uuid")) {
                media.retired(UUID.fromString(payload.get("asset_uuid").asText()));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Ignoring unreadable catalog record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private void playlogRecord(ConsumerRecord<String, byte[]> record) {
        try {
            String type = ChannelManagerClients.header(record, "ce_type");
            if (EventType.DAY_PUBLISHED.ceType().equals(type)) {
                DayPublished day = EventJson.mapper().readValue(record.value(), DayPublished.class);
                playout(day.channelId()).ifPresent(c -> {
                    if (c.timeline().apply(day)) {
                        c.changed(clock.instant());
                    }
                });
            } else if (EventType.OVERRIDE_APPLIED.ceType().equals(type)) {
                OverrideApplied override = EventJson.mapper().readValue(record.value(), OverrideApplied.class);
                playout(override.channelId()).ifPresent(c -> {
                    if (c.timeline().apply(override)) {
                        LOG.infof("Channel %s: override %s (%s) applied", override.channelId(), override.overrideId(), override.action());
                        c.changed(clock.instant());
                    }
                });
            }
        } catch (IOException e) {
            LOG.warnf("Ignoring unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private Optional<ChannelPlayout> playout(UUID channelId) {
        if (config.channels().isPresent() && !Set.copyOf(config.channels().get()).contains(channelId)) {
            return Optional.empty();
        }
        return Optional.of(channels.computeIfAbsent(channelId, this::newChannel));
    }

    private ChannelPlayout newChannel(UUID channelId) {
        Duration frame = Duration.ofNanos(1_000_000_000L / config.transcode().frameRate());
        ChannelPlayout.Settings settings = new ChannelPlayout.Settings(config.lead(), config.joinDelay(), Duration.ofSeconds(10), frame);
        return new ChannelPlayout(channelId, media, new FfmpegRenderer(config), config.outputDir().resolve(channelId.toString()), config.windowSegments(),
                config.segmentDuration(), settings, pending::add);
    }

    private void send(KafkaProducer<String, byte[]> producer, AsRunRecorded asRun) {
        OutgoingRecord out = codec.encode(asRun, asRun.channelId().toString(), asRun.asrunId().toString(), clock.instant(), SOURCE);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(out.topic(), out.key(), out.payload());
        out.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record, (meta, error) -> {
            if (error != null) {
                LOG.errorf("As-run %s for channel %s not published: %s", asRun.asrunId(), asRun.channelId(), error.getMessage());
            }
        });
    }

}
