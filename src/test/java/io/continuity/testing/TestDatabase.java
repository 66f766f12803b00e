package io.continuity.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL database created fresh for one run: a new database on the server at 127.0.0.1:5432 when one
 * answers there and lets {@code postgres} in without a password, otherwise an embedded PostgreSQL server (real
 * binaries, started as a child process).
 */
public final class TestDatabase implements AutoCloseable {

    private final String jdbcUrl;
    private final String adminUrl;
    private final String name;
    private final String user;
    private final EmbeddedPostgres embedded;

    private TestDatabase(String jdbcUrl, String adminUrl, String name, String user, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.adminUrl = adminUrl;
        this.name = name;
        this.user = user;
        this.embedded = embedded;
    }

    /** Creates a database named {@code prefix_<random>} on the local server, or starts an embedded server. */
    public static TestDatabase create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            if (localServerAnswers()) {
                String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
                createDatabase(admin, "postgres", name);
                return new TestDatabase("jdbc:postgresql://127.0.0.1:5432/" + name, admin, name, "postgres", null);
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            String base = pg.getJdbcUrl("postgres", "postgres");
            createDatabase(base, "postgres", name);
            return new TestDatabase(base.replace("/postgres?", "/" + name + "?"), base, name, "postgres", pg);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not create a test database: " + e.getMessage(), e);
        }
    }

    /** The server on 127.0.0.1:5432 answers and lets {@code postgres} in without a password ({@link LocalPostgres}). */
    public static boolean localServerAnswers() {
        return LocalPostgres.probe().accepts();
    }

    private static void createDatabase(String adminUrl, String user, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection URL to the server's maintenance database, for statements about this database. */
    public String adminUrl() {
        return adminUrl;
    }

    public String name() {
        return name;
    }

    /** Runs one statement as the administrator, outside this database. */
    public void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public String user() {
        return user;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /**
     * Drops the database (forcing out any connection still open) unless {@code -Dtests.keep-db=true} asks to keep it
     * for inspection, and stops the embedded server if one was started.
     */
    @Override
    public void close() {
        if (embedded == null && !Boolean.getBoolean("tests.keep-db")) {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
