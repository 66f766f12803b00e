package io.continuity.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The importer's index in PostgreSQL ({@code library_file}, V8): every replica and the REST, scheduled and watch
 * scans read the same rows, and a scan holds a PostgreSQL advisory lock, so two scans never run at once anywhere.
 */
@ApplicationScoped
public class JdbcLibraryIndex implements LibraryIndex {

    /** The advisory lock key of library scans ("LIBRARY" in ASCII). */
    private static final long SCAN_LOCK = 0x4c49_4252_4152_59L;

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcLibraryIndex(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Map<String, LibraryFile> load() {
        Map<String, LibraryFile> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT path, asset_uuid, fingerprint, size_bytes, mtime, added_at FROM library_file");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                LibraryFile row = new LibraryFile(r.getString(1), r.getObject(2, UUID.class), r.getString(3), r.getLong(4),
                        r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant());
                rows.put(row.path(), row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the library index: " + e.getMessage(), e);
        }
    }

    @Override
    public void record(Collection<LibraryFile> upserted, Collection<String> removedPaths) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM library_file WHERE path = ? OR asset_uuid = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO library_file (path, asset_uuid, fingerprint, size_bytes, mtime, "
                            + "added_at, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (String path : removedPaths) {
                    delete.setString(1, path);
                    delete.setObject(2, null, java.sql.Types.OTHER);
                    delete.addBatch();
                }
                for (LibraryFile row : upserted) {
                    delete.setString(1, row.path());
                    delete.setObject(2, row.assetUuid());
                    delete.addBatch();
                }
                delete.executeBatch();
                Timestamp now = Timestamp.from(clock.instant());
                for (LibraryFile row : upserted) {
                    insert.setString(1, row.path());
                    insert.setObject(2, row.assetUuid());
                    insert.setString(3, row.fingerprint());
                    insert.setLong(4, row.sizeBytes());
                    insert.setTimestamp(5, Timestamp.from(row.mtime()));
                    insert.setTimestamp(6, Timestamp.from(row.addedAt()));
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the library index: " + e.getMessage(), e);
        }
    }

    /** The held scan lock; closing it releases the lock and returns the connection to the pool. */
    interface ScanLock extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the scan lock, or empty when another scan (on this or another replica) holds it. */
    Optional<ScanLock> tryLock() {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(true);
            if (!lockCall(c, "SELECT pg_try_advisory_lock(?)")) {
                c.close();
                return Optional.empty();
            }
            return Optional.of(() -> {
                try (c) {
                    lockCall(c, "SELECT pg_advisory_unlock(?)");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot release the library scan lock: " + e.getMessage(), e);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the library scan lock: " + e.getMessage(), e);
        }
    }

    private static boolean lockCall(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, SCAN_LOCK);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }
}
