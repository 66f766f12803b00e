package io.continuity.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import javax.sql.DataSource;
import io.continuity.testing.Tokens;

/**
 * Fixed-rate load of HTTP GETs or SQL queries (see {@link FixedRate}), at most {@value #MAX_IN_FLIGHT} outstanding at a
 * time; when that many are waiting the generator falls behind, and the late requests are still charged from when they
 * were due.
 */
final class LoadGenerators {

    static final int MAX_IN_FLIGHT = 64;
    private static final int SQL_CONNECTIONS = 8;

    /** Latencies of one load run and how many requests failed (non-200, error or timeout). */
    record Outcome(Latencies latencies, long offered, long errors) {
    }

    private LoadGenerators() {
    }

    static Outcome http(double rate, Duration warmup, Duration duration, LongFunction<URI> uri) {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
        String authorization = "Bearer " + Tokens.viewer();
        try {
            long offered = FixedRate.run(rate, warmup, duration, (i, due, measured) -> {
                permits.acquireUninterruptibly();
                HttpRequest request = HttpRequest.newBuilder(uri.apply(i)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", authorization).GET().build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    long done = System.nanoTime();
                    permits.release();
                    if (error != null || response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (measured) {
                        latencies.record(due, done);
                    }
                });
            });
            drain(permits);
            return new Outcome(latencies, offered, errors.get());
        } finally {
            client.close();
            executor.shutdownNow();
        }
    }

    /** Runs {@code sql} with the parameters of operation i and reads every column of every row, as a client would. */
    static Outcome sql(DataSource dataSource, String sql, double rate, Duration warmup, Duration duration, LongFunction<Object[]> params) {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        Semaphore permits = new Semaphore(MAX_IN_FLIGHT);
        Queue<Connection> opened = new ConcurrentLinkedQueue<>();
        ThreadLocal<Connection> connection = ThreadLocal.withInitial(() -> {
            try {
                Connection c = dataSource.getConnection();
                opened.add(c);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(SQL_CONNECTIONS);
        try {
            long offered = FixedRate.run(rate, warmup, duration, (i, due, measured) -> {
                permits.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        query(connection.get(), sql, params.apply(i));
                    } catch (SQLException | RuntimeException e) {
                        errors.incrementAndGet();
                    } finally {
                        long done = System.nanoTime();
                        permits.release();
                        if (measured) {
                            latencies.record(due, done);
                        }
                    }
                });
            });
            drain(permits);
            return new Outcome(latencies, offered, errors.get());
        } finally {
            pool.shutdownNow();
            opened.forEach(c -> {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a benchmark connection that already failed
                }
            });
        }
    }

    /** Runs a query once and reads everything it returns; returns the number of rows. */
    static long query(Connection c, String sql, Object[] params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int p = 0; p < params.length; p++) {
                ps.setObject(p + 1, params[p] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : params[p]);
            }
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int col = 1; col <= columns; col++) {
                        rs.getObject(col);
                    }
                }
            }
            return rows;
        }
    }

    private static void drain(Semaphore permits) {
        try {
            if (!permits.tryAcquire(MAX_IN_FLIGHT, 2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still outstanding two minutes after the load stopped");
            }
            permits.release(MAX_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
