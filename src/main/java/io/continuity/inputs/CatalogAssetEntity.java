package io.continuity.inputs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A CatalogAsset. Only {@code ready}, approved, not deleted and not retired assets may be scheduled. */
@Entity
@Table(name = "catalog_asset")
public class CatalogAssetEntity extends PanacheEntityBase {

    @Id
    public UUID uuid;
    public String title;
    public String kind;
    @Column(name = "duration_ms")
    public long durationMs;
    @Column(name = "series_id")
    public String seriesId;
    @Column(name = "series_title")
    public String seriesTitle;
    public Integer season;
    public Integer episode;
    @Column(name = "syndication_order")
    public Integer syndicationOrder;
    @Column(name = "episode_title")
    public String episodeTitle;
    public String description;
    public String genre;
    public String rating;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;
    @Column(name = "added_at")
    public Instant addedAt;
    public String state;
    @Column(name = "approved_for_broadcast")
    public boolean approvedForBroadcast;
    @Column(name = "is_deleted")
    public boolean deleted;
    @Column(name = "is_retired")
    public boolean retired;
    /** The {@code media} object of the last upsert as wire JSON (snake_case), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String media;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean eligible() {
        return "ready".equals(state) && approvedForBroadcast && !deleted && !retired;
    }
}
