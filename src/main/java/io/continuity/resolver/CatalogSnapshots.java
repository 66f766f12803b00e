package io.continuity.resolver;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import io.continuity.inputs.VirtualAssetEntity;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.CatalogAsset;
import io.continuity.resolver.core.CatalogView;
import io.continuity.resolver.core.InMemoryCatalog;
import io.continuity.resolver.core.VirtualAssetSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The catalog as the resolver sees it, loaded once and reused until any asset or virtual asset changes (detected by
 * a fingerprint over row count and versions), so resolving many channels does not reload the catalog each time.
 */
@ApplicationScoped
public class CatalogSnapshots {

    private static final String ASSETS = """
            SELECT uuid, title, kind, duration_ms, series_id, series_title, season, episode, syndication_order, episode_title, genre,
                   rating, tags, added_at, state, approved_for_broadcast, is_deleted, is_retired
            FROM catalog_asset""";

    private final EntityManager em;
    private volatile String fingerprint;
    private volatile CatalogView view;

    public CatalogSnapshots(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CatalogView current() {
        String now = String.valueOf(List.of(
                em.createNativeQuery("SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') "
                        + "FROM catalog_asset").getSingleResult(),
                em.createNativeQuery("SELECT count(*) || ':' || coalesce(sum(version), 0) FROM virtual_asset").getSingleResult()));
        CatalogView cached = view;
        if (cached != null && now.equals(fingerprint)) {
            return cached;
        }
        // The assets are read on the transaction's own connection (same snapshot) straight into core objects: as entities they
        // stayed in the persistence context, and every flush before each later query of the resolution read the values of all
        // of them again (JFR on B1: a third of the resolution's CPU while the catalog was changing).
        List<CatalogAsset> assets = em.unwrap(Session.class).doReturningWork(CatalogSnapshots::assets);
        List<VirtualAssetEntity> virtuals = VirtualAssetEntity.<VirtualAssetEntity>findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list();
        List<VirtualAssetSpec> specs = virtuals.stream().map(CoreMapping::virtualAsset).toList();
        virtuals.forEach(em::detach);
        CatalogView loaded = InMemoryCatalog.of(assets, specs);
        view = loaded;
        fingerprint = now;
        return loaded;
    }

    /** Every catalog row as the resolver sees it; the same mapping as {@link CoreMapping#asset} applies to an entity. */
    private static List<CatalogAsset> assets(Connection connection) throws SQLException {
        List<CatalogAsset> assets = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ASSETS); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Array tags = rs.getArray(13);
                Set<String> tagSet = tags == null ? new HashSet<>() : new HashSet<>(Arrays.asList((String[]) tags.getArray()));
                OffsetDateTime addedAt = rs.getObject(14, OffsetDateTime.class);
                assets.add(new CatalogAsset(rs.getObject(1, UUID.class), rs.getString(2), AssetKind.parse("kind", rs.getString(3)), rs.getLong(4),
                        rs.getString(5), rs.getString(6), integer(rs, 7), integer(rs, 8), integer(rs, 9), rs.getString(10), rs.getString(11),
                        rs.getString(12), tagSet, addedAt == null ? null : addedAt.toInstant(), rs.getString(15), rs.getBoolean(16),
                        rs.getBoolean(17) || rs.getBoolean(18)));
            }
        }
        return assets;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
