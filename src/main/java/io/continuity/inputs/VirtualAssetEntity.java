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

/** A VirtualAsset: a fixed ordered list of assets, or a rule, expanded to concrete assets at resolution. */
@Entity
@Table(name = "virtual_asset")
public class VirtualAssetEntity extends PanacheEntityBase {

    @Id
    public UUID uuid;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "asset_uuids")
    public List<UUID> assetUuids;
    @JdbcTypeCode(SqlTypes.JSON)
    public String rule;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
