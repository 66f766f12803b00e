package io.continuity.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.postgresql.ds.PGSimpleDataSource;

import io.continuity.testing.Db;
import io.continuity.testing.ServiceProcess;
import io.continuity.testing.TestDatabase;

/** The packaged service under test: its process, its database, and how long it took from launch to ready. */
final class Service implements AutoCloseable {

    private final ServiceProcess process;
    private final TestDatabase database;
    private final Db db;
    private final String group;
    private final long launchedNanos;
    private final long readyNanos;
    private final Instant launchedAt;

    Service(ServiceProcess process, TestDatabase database, String group, long launchedNanos, long readyNanos, Instant launchedAt) {
        this.process = process;
        this.database = database;
        this.db = new Db(dataSource(database));
        this.group = group;
        this.launchedNanos = launchedNanos;
        this.readyNanos = readyNanos;
        this.launchedAt = launchedAt;
    }

    static PGSimpleDataSource dataSource(TestDatabase database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(database.jdbcUrl());
        ds.setUser(database.user());
        return ds;
    }

    Db db() {
        return db;
    }

    TestDatabase database() {
        return database;
    }

    String group() {
        return group;
    }

    long pid() {
        return process.pid();
    }

    long launchedNanos() {
        return launchedNanos;
    }

    /** From process launch to the first 200 on {@code /q/health/ready}. */
    Duration startToReady() {
        return Duration.ofNanos(readyNanos - launchedNanos);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + process.httpPort() + pathAndQuery);
    }

    int status(String path) {
        return process.status(path);
    }

    /** The sum of every series of a Prometheus metric ({@code /q/metrics}), e.g. {@code continuity_query_cache_warming}; NaN if absent. */
    double metric(String name) {
        try {
            String text = new String(uri("/q/metrics").toURL().openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            double[] values = text.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toArray();
            return values.length == 0 ? Double.NaN : java.util.Arrays.stream(values).sum();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("metrics unreadable", e);
        }
    }

    /** The service clock (it starts at {@link BenchStack#CLOCK_START} when the process starts, and runs at real time). */
    Instant serviceNow() {
        return BenchStack.CLOCK_START.plus(Duration.between(launchedAt, Instant.now()));
    }

    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
