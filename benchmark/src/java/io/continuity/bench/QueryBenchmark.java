package io.continuity.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import io.continuity.testing.Tokens;

/**
 * B5: the read side at a fixed request rate — what is on air now, and a 24-hour playlog range — each against the same
 * SQL run straight through PgJDBC at the same rate on the same database; and the XMLTV export of every channel for 3
 * days against fetching the same rows.
 */
final class QueryBenchmark {

    private static final int XMLTV_RUNS = 5;
    /** How long B5 waits for the service's query cache to load every channel's days ahead before it measures anyway. */
    private static final Duration WARM_LIMIT = Duration.ofMinutes(10);

    private final Service service;
    private final Scale scale;
    private final List<UUID> channels;

    QueryBenchmark(Service service, Scale scale) {
        this.service = service;
        this.scale = scale;
        this.channels = service.db().rows("SELECT id FROM channel ORDER BY id").stream().map(r -> (UUID) r.get("id")).toList();
    }

    void measure(Table table) throws SQLException {
        awaitWarmCache(table);
        analyse(table);
        double rate = scale.queryRate();
        String load = String.format("%.0f req/s for %d s after a %.1f s warm-up, %d channels", rate, scale.queryDuration().toSeconds(),
                scale.warmup().toMillis() / 1000.0, channels.size());
        Progress.say("B5: GET /channels/{id}/now at " + load);
        LoadGenerators.Outcome now = LoadGenerators.http(rate, scale.warmup(), scale.queryDuration(),
                i -> service.uri("/api/v1/channels/" + channel(i) + "/now"));
        LoadGenerators.Outcome nowSql = LoadGenerators.sql(Service.dataSource(service.database()), PlaylogSql.CHANNEL_NOW, rate,
                scale.warmup(), scale.queryDuration(), i -> PlaylogSql.channelRange(channel(i), service.serviceNow(),
                    service.serviceNow().plus(Duration.ofHours(12))));
        Progress.say("B5: GET /channels/{id}/playlog (24 h) at " + load);
        LoadGenerators.Outcome range = LoadGenerators.http(rate, scale.warmup(), scale.queryDuration(),
                i -> service.uri("/api/v1/channels/" + channel(i) + "/playlog?from=" + from(i) + "&to=" + from(i).plus(Duration.ofDays(1))));
        LoadGenerators.Outcome rangeSql = LoadGenerators.sql(Service.dataSource(service.database()), PlaylogSql.CHANNEL_RANGE, rate,
                scale.warmup(), scale.queryDuration(), i -> PlaylogSql.channelRange(channel(i), from(i), from(i).plus(Duration.ofDays(1))));
        Progress.say("B5: GET /q/health/live (the HTTP floor: no token, no query) at " + load);
        LoadGenerators.Outcome floor = LoadGenerators.http(rate, scale.warmup(), scale.queryDuration(), i -> service.uri("/q/health/live"));
        rows(table, "now", now, nowSql);
        rows(table, "24 h playlog range", range, rangeSql);
        String at = String.format("%.0f req/s", scale.queryRate());
        String floorOf = "HTTP floor: /q/health/live, same rate";
        table.add("B5", "queries: now p99 over the HTTP floor at " + at, now.latencies().ms(99), "ms", floor.latencies().ms(99), floorOf, null,
                null);
        table.add("B5", "queries: 24 h playlog range p99 over the HTTP floor at " + at, range.latencies().ms(99), "ms", floor.latencies().ms(99),
                floorOf, null, null);
        table.note("B5: " + load + "; at most " + LoadGenerators.MAX_IN_FLIGHT + " requests outstanding, a late request is still timed from when"
                + " it was due. Errors: now " + now.errors() + "/" + now.offered() + ", playlog " + range.errors() + "/" + range.offered()
                + ", health " + floor.errors() + "/" + floor.offered() + ". Ceiling: the same SQL through PgJDBC (8 connections) at the same rate;"
                + " the HTTP floor is the service's liveness endpoint (no token to verify, no query) at the same rate.");
        Progress.say("B5: now " + now.latencies().summary() + "; playlog " + range.latencies().summary());
    }

    /**
     * B5 measures the steady state: it starts once the service reports that its query cache has loaded every channel's
     * days ahead ({@code continuity_query_cache_warming} 0, channel spans still to load), and the note says how long that
     * took after B2. Queries sent while the cache is still loading the week share the cores with it.
     */
    private void awaitWarmCache(Table table) {
        long start = System.nanoTime();
        long said = start;
        double waiting = service.metric("continuity_query_cache_warming");
        while (waiting > 0 && System.nanoTime() - start < WARM_LIMIT.toNanos()) {
            if (System.nanoTime() - said > 10_000_000_000L) {
                Progress.say(String.format("B5: waiting for the query cache to load ahead: %.0f channel spans to go", waiting));
                said = System.nanoTime();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            waiting = service.metric("continuity_query_cache_warming");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        table.note(Double.isNaN(waiting) ? "B5: the service reports no query cache warming gauge; measured at once after B2."
                : waiting > 0 ? String.format("B5: the query cache still had %.0f channel spans to load after %.0f s; measured anyway.", waiting, seconds)
                : String.format("B5: measured once the query cache had loaded every channel's days ahead, %.1f s after B2 ended.", seconds));
    }

    /**
     * A freshly rebuilt database has no planner statistics for its new rows until autovacuum gets to them, and the
     * plans chosen meanwhile are poor; B5 is measured after ANALYZE (the steady state), and the note says what it was
     * before.
     */
    private void analyse(Table table) throws SQLException {
        try (Connection c = Service.dataSource(service.database()).getConnection(); Statement s = c.createStatement()) {
            double before = medianSqlMs(c);
            s.execute("ANALYZE");
            double after = medianSqlMs(c);
            table.note(String.format("B5: right after B2, before autovacuum had analysed the new rows, one 12-hour channel query took %.2f ms"
                    + " (median of 20, planner statistics of empty tables); after ANALYZE %.2f ms. B5 is measured after ANALYZE.", before,
                    after));
        }
    }

    private double medianSqlMs(Connection c) throws SQLException {
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            LoadGenerators.query(c, PlaylogSql.CHANNEL_RANGE, PlaylogSql.channelRange(channel(i), from(i), from(i).plus(Duration.ofHours(12))));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(ms);
    }

    private void rows(Table table, String what, LoadGenerators.Outcome http, LoadGenerators.Outcome sql) {
        String ceiling = "same SQL via PgJDBC";
        String at = String.format("%.0f req/s", scale.queryRate());
        table.add("B5", "queries: " + what + " p50 at " + at, http.latencies().ms(50), "ms", sql.latencies().ms(50), ceiling, null, null);
        double p99 = http.latencies().ms(99);
        table.add("B5", "queries: " + what + " p99 at " + at, p99, "ms", sql.latencies().ms(99), ceiling, "< 10 ms at 1,000 req/s",
                p99 < 10 && scale.queryRate() >= 1000 && http.errors() == 0);
    }

    private UUID channel(long i) {
        return channels.get((int) ((i * 7919) % channels.size()));
    }

    /** A whole hour within the first five resolved days. */
    private static Instant from(long i) {
        return BenchStack.CLOCK_START.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours((i * 13) % 96));
    }

    /** XMLTV for every channel of {@code service} over 3 days, if the endpoint exists in this build. */
    static void xmltv(Service service, Table table) throws Exception {
        Instant from = BenchStack.CLOCK_START.truncatedTo(ChronoUnit.DAYS);
        Instant to = from.plus(Duration.ofDays(3));
        long channels = service.db().count("SELECT count(*) FROM channel");
        String metric = "queries: XMLTV, " + channels + " channels × 3 days";
        double[] sql = new double[XMLTV_RUNS];
        try (Connection c = Service.dataSource(service.database()).getConnection()) {
            LoadGenerators.query(c, PlaylogSql.ALL_CHANNELS_RANGE, new Object[] {from, to});
            for (int i = 0; i < XMLTV_RUNS; i++) {
                long start = System.nanoTime();
                LoadGenerators.query(c, PlaylogSql.ALL_CHANNELS_RANGE, new Object[] {from, to});
                sql[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        String ceilingOf = "fetching the same rows via PgJDBC, median of " + XMLTV_RUNS;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI uri = service.uri("/api/v1/epg/xmltv?from=" + from + "&to=" + to);
            int status = get(client, uri);
            if (status == 404) {
                table.addUnmeasured("B5", metric, Table.NOT_PRESENT, "ms", median(sql), ceilingOf, "< 1 s");
                return;
            }
            if (status != 200) {
                table.addUnmeasured("B5", metric, "n/a (endpoint answered " + status + ")", "ms", median(sql), ceilingOf, "< 1 s");
                return;
            }
            double[] http = new double[XMLTV_RUNS];
            for (int i = 0; i < XMLTV_RUNS; i++) {
                long start = System.nanoTime();
                get(client, uri);
                http[i] = (System.nanoTime() - start) / 1e6;
            }
            double figure = median(http);
            table.add("B5", metric + " (median of " + XMLTV_RUNS + ")", figure, "ms", median(sql), ceilingOf, "< 1 s", figure < 1000);
        }
    }

    private static int get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + Tokens.viewer()).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
