package io.continuity.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Reads the database directly, as an operator with psql would: what the tests assert on. */
public final class Db {

    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        Object value = rs.getObject(col);
                        row.put(meta.getColumnLabel(col), value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public Object value(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    public long count(String sql, Object... args) {
        return ((Number) value(sql, args)).longValue();
    }

    /**
     * Waits until no channel has a resolution pending, twice in a row. A catalog change published by an earlier test
     * re-resolves every channel of the shared database; a test that picks a target event and then overrides it must
     * not have a re-resolution land in between.
     */
    public void awaitNoPendingResolution() {
        int[] quiet = {0};
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
            quiet[0] = count("SELECT count(*) FROM resolution_request") == 0 ? quiet[0] + 1 : 0;
            return quiet[0] >= 2;
        });
    }
}
