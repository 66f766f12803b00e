package io.continuity.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.continuity.testing.ServiceProcess;

/**
 * A PostgreSQL server of this test alone (the distribution's binaries under {@code /usr/lib/postgresql/<n>/bin}, run
 * as user {@code postgres} when the tests run as root, since initdb refuses root), on a free port with a data directory
 * under /tmp. A scenario may stop it the hard way ({@code pg_ctl stop -m immediate}) and start it again; the shared
 * server on 5432 is never touched.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final Path log;
    private final int port;

    private PrivatePostgres(Path bin, Path data, Path log, int port) {
        this.bin = bin;
        this.data = data;
        this.log = log;
        this.port = port;
    }

    /** The newest installed server binaries, if any. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static PrivatePostgres start(Path bin, Path logs) {
        Path data = Path.of("/tmp", "continuity-pg-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        PrivatePostgres pg = new PrivatePostgres(bin, data, logs.resolve("private-postgres.log"), ServiceProcess.freePort());
        pg.run(List.of("mkdir", "-p", data.toString()));
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"));
        pg.startServer();
        return pg;
    }

    void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "120",
                "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** {@code pg_ctl stop -m immediate}: every backend is killed at once, no checkpoint; recovery runs at the next start. */
    void stopImmediately() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "immediate", "stop"));
    }

    String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Creates a database and returns its URL. */
    String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "immediate", "stop"));
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the scenario and not started again
        }
        try {
            run(List.of("rm", "-rf", data.toString()));
        } catch (IllegalStateException e) {
            System.err.println("Could not remove " + data + ": " + e.getMessage());
        }
    }
}
