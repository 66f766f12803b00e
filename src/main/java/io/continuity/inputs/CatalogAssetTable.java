package io.continuity.inputs;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The {@code catalog_asset} table read and written in sets, on the current transaction's connection: a batch's assets
 * are loaded in one query and its changed rows written in one multi-row upsert; the resolver's snapshot reads every row
 * the same way. No entities: rows only read stay out of the persistence context (docs/decisions.md 28).
 */
@ApplicationScoped
public class CatalogAssetTable {

    private static final String COLUMNS = "uuid, title, kind, duration_ms, series_id, series_title, season, episode, syndication_order, "
            + "episode_title, description, genre, rating, tags, added_at, state, approved_for_broadcast, is_deleted, is_retired, media, "
            + "version, created_at, updated_at";

    /**
     * One statement for the whole batch: each column travels as one array parameter and {@code unnest} turns them back into
     * rows. Tags (an array per row) travel as JSON text, timestamps as ISO-8601 text.
     */
    private static final String UPSERT = "INSERT INTO catalog_asset (" + COLUMNS + ") "
            + "SELECT r.uuid, r.title, r.kind, r.duration_ms, r.series_id, r.series_title, r.season, r.episode, r.syndication_order, "
            + "r.episode_title, r.description, r.genre, r.rating, "
            + "ARRAY(SELECT t.value FROM jsonb_array_elements_text(r.tags::jsonb) WITH ORDINALITY AS t(value, n) ORDER BY t.n), "
            + "r.added_at::timestamptz, r.state, r.approved, r.deleted, r.retired, r.media::jsonb, r.version, r.created_at::timestamptz, "
            + "r.updated_at::timestamptz "
            + "FROM unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::boolean[], ?::text[], "
            + "?::bigint[], ?::text[], ?::text[]) "
            + "AS r(uuid, title, kind, duration_ms, series_id, series_title, season, episode, syndication_order, episode_title, description, "
            + "genre, rating, tags, added_at, state, approved, deleted, retired, media, version, created_at, updated_at) "
            + "ON CONFLICT (uuid) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind, duration_ms = EXCLUDED.duration_ms, "
            + "series_id = EXCLUDED.series_id, series_title = EXCLUDED.series_title, season = EXCLUDED.season, episode = EXCLUDED.episode, "
            + "syndication_order = EXCLUDED.syndication_order, episode_title = EXCLUDED.episode_title, description = EXCLUDED.description, "
            + "genre = EXCLUDED.genre, rating = EXCLUDED.rating, tags = EXCLUDED.tags, added_at = EXCLUDED.added_at, state = EXCLUDED.state, "
            + "approved_for_broadcast = EXCLUDED.approved_for_broadcast, is_deleted = EXCLUDED.is_deleted, is_retired = EXCLUDED.is_retired, "
            + "media = EXCLUDED.media, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    public CatalogAssetTable(EntityManager em) {
        this.em = em;
    }

    /** The stored rows of {@code uuids} (an asset not stored yet has no row). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CatalogAssetRow> load(Collection<UUID> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM catalog_asset WHERE uuid = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("uuid", uuids.toArray()));
                return rows(statement);
            }
        });
    }

    /** Every row, in the transaction's snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CatalogAssetRow> all() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM catalog_asset")) {
                return rows(statement);
            }
        });
    }

    /** Inserts or replaces {@code rows} (at most one per asset) in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(Collection<CatalogAssetRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                List<CatalogAssetRow> list = List.copyOf(rows);
                int i = 1;
                statement.setArray(i++, array(connection, "uuid", list, CatalogAssetRow::uuid));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::title));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::kind));
                statement.setArray(i++, array(connection, "int8", list, CatalogAssetRow::durationMs));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::seriesId));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::seriesTitle));
                statement.setArray(i++, array(connection, "int4", list, CatalogAssetRow::season));
                statement.setArray(i++, array(connection, "int4", list, CatalogAssetRow::episode));
                statement.setArray(i++, array(connection, "int4", list, CatalogAssetRow::syndicationOrder));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::episodeTitle));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::description));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::genre));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::rating));
                statement.setArray(i++, array(connection, "text", list, row -> json(row.tags())));
                statement.setArray(i++, array(connection, "text", list, row -> text(row.addedAt())));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::state));
                statement.setArray(i++, array(connection, "bool", list, CatalogAssetRow::approvedForBroadcast));
                statement.setArray(i++, array(connection, "bool", list, CatalogAssetRow::deleted));
                statement.setArray(i++, array(connection, "bool", list, CatalogAssetRow::retired));
                statement.setArray(i++, array(connection, "text", list, CatalogAssetRow::media));
                statement.setArray(i++, array(connection, "int8", list, CatalogAssetRow::version));
                statement.setArray(i++, array(connection, "text", list, row -> text(row.createdAt())));
                statement.setArray(i, array(connection, "text", list, row -> text(row.updatedAt())));
                statement.executeUpdate();
            }
        });
    }

    private static Array array(Connection connection, String type, List<CatalogAssetRow> rows,
            java.util.function.Function<CatalogAssetRow, Object> column) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf(type, values);
    }

    private static List<CatalogAssetRow> rows(PreparedStatement statement) throws SQLException {
        List<CatalogAssetRow> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Array tags = rs.getArray(14);
                rows.add(new CatalogAssetRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), integer(rs, 7), integer(rs, 8), integer(rs, 9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), instant(rs, 15), rs.getString(16),
                        rs.getBoolean(17), rs.getBoolean(18), rs.getBoolean(19), rs.getString(20), rs.getLong(21), instant(rs, 22),
                        instant(rs, 23)));
            }
        }
        return rows;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String json(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
