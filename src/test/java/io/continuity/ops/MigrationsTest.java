package io.continuity.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import io.continuity.testing.Db;
import io.continuity.testing.TestDatabase;

/**
 * A database made by an earlier release must start with the next one: Flyway refuses to start when a migration it
 * applied has changed since (checksum), so a released migration is never edited and every change is a new version.
 */
class MigrationsTest {

    /**
     * Flyway checksums of the migrations as released. Editing one of these files breaks every database it created;
     * add a new {@code V<n>__….sql} instead, and pin its checksum here once it is released.
     */
    private static final Map<String, Integer> RELEASED = Map.of("1", 997_133_671);

    @Test
    void releasedMigrationsAreUnchanged() {
        Map<String, Integer> checksums = new TreeMap<>();
        try (TestDatabase database = TestDatabase.create("continuity_migrations")) {
            Arrays.stream(flyway(database.jdbcUrl(), database.user()).load().info().all())
                    .filter(m -> RELEASED.containsKey(m.getVersion().getVersion()))
                    .forEach(m -> checksums.put(m.getVersion().getVersion(), m.getChecksum()));
        }
        assertThat(checksums).isEqualTo(new TreeMap<>(RELEASED));
    }

    @Test
    void aDatabaseOfTheFirstReleaseUpgradesToTheCurrentSchema() {
        try (TestDatabase database = TestDatabase.create("continuity_upgrade")) {
            flyway(database.jdbcUrl(), database.user()).target(MigrationVersion.fromVersion("1")).load().migrate();
            Db db = new Db(dataSource(database));
            assertThat(columns(db, "outbox")).doesNotContainKey("traceparent");

            // what the service does at start: the migrations already applied must still be the ones on the classpath
            flyway(database.jdbcUrl(), database.user()).ignoreMigrationPatterns("*:pending").load().validate();
            Flyway current = flyway(database.jdbcUrl(), database.user()).load();
            assertThat(current.migrate().migrationsExecuted).isPositive();

            assertThat(columns(db, "outbox")).containsEntry("traceparent", "text");
            assertThat(columns(db, "resolution_request")).containsEntry("traceparent", "text");
            assertThat(Arrays.stream(current.info().applied()).map(MigrationInfo::getVersion).map(MigrationVersion::getVersion))
                    .startsWith("1", "2");
            assertThat(current.info().pending()).isEmpty();
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user) {
        return Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration");
    }

    private static org.postgresql.ds.PGSimpleDataSource dataSource(TestDatabase database) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(database.jdbcUrl());
        ds.setUser(database.user());
        return ds;
    }

    private static Map<String, String> columns(Db db, String table) {
        Map<String, String> columns = new TreeMap<>();
        db.rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", table)
                .forEach(row -> columns.put((String) row.get("column_name"), (String) row.get("data_type")));
        return columns;
    }
}
