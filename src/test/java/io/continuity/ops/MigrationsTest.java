package io.continuity.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** Where the migrations live in the source tree; the service reads the same files from the classpath. */
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** How Flyway names a versioned migration; a file that does not match is silently ignored by Flyway. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

    /**
     * The migrations as released, with their Flyway checksums (CRC32 of the file's lines). Editing one of these files
     * breaks every database it created; add a new {@code V<n>__….sql} instead.
     */
    private static final Map<String, Released> RELEASED = Map.of(
            "1", new Released("V1__schema.sql", 997_133_671),
            "2", new Released("V2__trace_context.sql", -2_042_005_615),
            "3", new Released("V3__playlog_by_day.sql", -626_260_197),
            "4", new Released("V4__overrides_as_inputs.sql", -508_641_883),
            "5", new Released("V5__schedule_decisions.sql", 2_112_281_187));

    /**
     * Versions added by the change under review and not released yet: still free to edit. When the change is
     * released, move each one to {@link #RELEASED} with its checksum.
     */
    private static final Set<String> UNRELEASED_IN_THIS_CHANGE = Set.of("6", "7", "8", "9", "10", "11");

    private record Released(String script, int checksum) {
    }

    @Test
    void releasedMigrationsAreUnchanged() {
        Map<String, Released> found = new TreeMap<>();
        for (MigrationInfo migration : resolvedMigrations()) {
            String version = migration.getVersion().getVersion();
            if (RELEASED.containsKey(version)) {
                found.put(version, new Released(migration.getScript(), migration.getChecksum()));
            }
        }
        assertThat(found).as("released migrations as Flyway resolves them from the classpath (script name and checksum)")
                .isEqualTo(new TreeMap<>(RELEASED));
    }

    @Test
    void everyMigrationFileIsPinnedOrListedAsUnreleased() throws IOException {
        assertThat(RELEASED.keySet()).as("a version is either released or unreleased").doesNotContainAnyElementsOf(UNRELEASED_IN_THIS_CHANGE);
        List<String> files = migrationFiles();
        assertThat(files).as("files in %s that Flyway would not run as versioned migrations", MIGRATIONS)
                .allMatch(file -> VERSIONED.matcher(file).matches());

        Set<String> known = new TreeSet<>(RELEASED.keySet());
        known.addAll(UNRELEASED_IN_THIS_CHANGE);
        Set<String> present = files.stream().map(MigrationsTest::version).collect(Collectors.toCollection(TreeSet::new));
        assertThat(present).as("versions in %s: pin a released one in RELEASED, list a new one in UNRELEASED_IN_THIS_CHANGE", MIGRATIONS)
                .isEqualTo(known);
        Set<String> onClasspath = resolvedMigrations().stream().map(MigrationInfo::getScript).collect(Collectors.toCollection(TreeSet::new));
        assertThat(onClasspath).as("the migrations on the classpath are the files in %s", MIGRATIONS).isEqualTo(new TreeSet<>(files));
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

    private static List<MigrationInfo> resolvedMigrations() {
        try (TestDatabase database = TestDatabase.create("continuity_migrations")) {
            return Arrays.stream(flyway(database.jdbcUrl(), database.user()).load().info().all())
                    .filter(m -> m.getVersion() != null).toList();
        }
    }

    private static List<String> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static String version(String file) {
        Matcher matcher = VERSIONED.matcher(file);
        return matcher.matches() ? MigrationVersion.fromVersion(matcher.group(1)).getVersion() : file;
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
