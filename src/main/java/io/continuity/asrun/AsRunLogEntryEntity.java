package io.continuity.asrun;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.continuity.events.AsRunRecorded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An AsRunLogEntry: what a ChannelManager reports it actually aired. Written once and never changed; times are kept to
 * the microsecond, PostgreSQL's precision, so a repeated report compares equal to the stored one.
 */
@Entity
@Table(name = "as_run_log")
public class AsRunLogEntryEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "channel_id")
    public UUID channelId;
    @Column(name = "playlog_event_uuid")
    public UUID playlogEventUuid;
    @Column(name = "asset_uuid")
    public UUID assetUuid;
    @Column(name = "actual_start_utc")
    public Instant actualStartUtc;
    @Column(name = "actual_end_utc")
    public Instant actualEndUtc;
    public String status;
    public String reason;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    static AsRunLogEntryEntity of(AsRunRecorded recorded, Instant recordedAt) {
        AsRunLogEntryEntity entry = new AsRunLogEntryEntity();
        entry.id = recorded.asrunId();
        entry.channelId = recorded.channelId();
        entry.playlogEventUuid = recorded.playlogEventUuid();
        entry.assetUuid = recorded.assetUuid();
        entry.actualStartUtc = micros(recorded.actualStartUtc());
        entry.actualEndUtc = micros(recorded.actualEndUtc());
        entry.status = recorded.status();
        entry.reason = recorded.reason();
        entry.recordedAt = recordedAt;
        return entry;
    }

    /** Whether {@code recorded} reports exactly what this entry holds (a repeat, not a correction). */
    boolean sameAs(AsRunRecorded recorded) {
        return channelId.equals(recorded.channelId()) && Objects.equals(playlogEventUuid, recorded.playlogEventUuid())
                && assetUuid.equals(recorded.assetUuid()) && actualStartUtc.equals(micros(recorded.actualStartUtc()))
                && actualEndUtc.equals(micros(recorded.actualEndUtc())) && status.equals(recorded.status())
                && Objects.equals(reason, recorded.reason());
    }

    /** Entries of a channel that started in [from, to), in airing order. */
    static List<AsRunLogEntryEntity> between(UUID channelId, Instant from, Instant to) {
        return list("channelId = ?1 and actualStartUtc >= ?2 and actualStartUtc < ?3 order by actualStartUtc, id", channelId, from, to);
    }

    /** Entries naming one playlog event, in airing order. */
    static List<AsRunLogEntryEntity> ofEvent(UUID channelId, UUID playlogEventUuid) {
        return list("channelId = ?1 and playlogEventUuid = ?2 order by actualStartUtc, id", channelId, playlogEventUuid);
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
