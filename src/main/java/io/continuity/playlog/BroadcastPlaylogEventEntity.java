package io.continuity.playlog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A BroadcastPlaylogEvent (seeds 000/001): "this asset airs at this absolute time on this channel", with its
 * lineage (assignment, plan, ScheduleDay version) and the fallback chain a ChannelManager may use on its own.
 */
@Entity
@Table(name = "broadcast_playlog_event")
public class BroadcastPlaylogEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "playlog_seq")
    @SequenceGenerator(name = "playlog_seq", sequenceName = "broadcast_playlog_event_seq", allocationSize = 50)
    public Long id;
    public UUID uuid;
    @Column(name = "channel_id")
    public UUID channelId;
    @Column(name = "schedule_day_id")
    public UUID scheduleDayId;
    @Column(name = "asset_uuid")
    public UUID assetUuid;
    public String kind;
    @Column(name = "start_utc")
    public Instant startUtc;
    @Column(name = "end_utc")
    public Instant endUtc;
    @Column(name = "broadcast_day")
    public String broadcastDay;
    @Column(name = "offset_ms")
    public long offsetMs;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "plan_id")
    public UUID planId;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> fallback;
    @Column(name = "is_frozen")
    public boolean frozen;
    @Column(name = "is_overridden")
    public boolean overridden;
    @Column(name = "override_id")
    public UUID overrideId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Every event of a ScheduleDay version, overridden ones included (audit). */
    public static List<BroadcastPlaylogEventEntity> ofDay(UUID scheduleDayId) {
        return list("scheduleDayId = ?1 order by startUtc, overridden desc", scheduleDayId);
    }

    /** The events that will air: a version's events minus those an override superseded. */
    public static List<BroadcastPlaylogEventEntity> effectiveOfDay(UUID scheduleDayId) {
        return list("scheduleDayId = ?1 and overridden = false order by startUtc", scheduleDayId);
    }
}
