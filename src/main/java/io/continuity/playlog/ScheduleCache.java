package io.continuity.playlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.continuity.config.ContinuityConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current schedule in memory, for the queries every ChannelManager and guide polls ({@code now}, the playlog range).
 * A ScheduleDay version never changes once written, so its events are held by version id, already serialised in the
 * {@link PlaylogViews.EventView} shape (deflated, see {@link DayEvents}), and never go stale; only "which versions are current" changes. That list is held
 * per channel and dropped when a new version commits: on this instance at once ({@link #changed}, called after the
 * writer's commit), and on every instance through PostgreSQL's NOTIFY ({@link ScheduleChangeListener}). While the
 * listener is not connected nothing is served from memory, because a change could be missed.
 *
 * <p>A list loaded while a change commits is not kept: each channel's entry carries a generation that every change
 * bumps, and a load only replaces the entry whose generation it started from.
 */
@ApplicationScoped
public class ScheduleCache {

    private static final Logger LOG = Logger.getLogger(ScheduleCache.class);
    /** How far back the days held in memory reach: a range that starts earlier is read from the database. */
    static final Duration HISTORY = Duration.ofDays(9);
    /** How long a channel's schedule must stay unchanged before its days are loaded ahead of the queries. */
    static final long WARM_QUIET_MS = 2_000;
    /** What is loaded ahead first: the days {@code now} (12 hours) and a 24-hour range from now read. */
    private static final Duration WARM_SPAN = Duration.ofHours(26);
    /** Roughly what one day of a busy channel weighs, deflated (300 events): the margin {@link #full} keeps. */
    private static final long DAY_WEIGHT = 32_000;

    /** A channel's current days ending after {@code fromUs} (null: not loaded since the last change), by start. */
    private record ChannelDays(long generation, PlaylogReader.DayHeader[] days, long fromUs) {
    }

    private final PlaylogReader reader;
    private final Clock clock;
    private final boolean enabled;
    private final ConcurrentHashMap<UUID, ChannelDays> channels = new ConcurrentHashMap<>();
    private final Cache<UUID, DayEvents> events;
    private final AtomicLong epoch = new AtomicLong();
    private final Counter hits;
    private final Counter misses;
    private volatile boolean listening;
    /** Channels whose days are to be loaded ahead of the queries, and from when (epoch ms): see {@link #warm}. */
    private final ConcurrentHashMap<UUID, Long> toWarm = new ConcurrentHashMap<>();
    /** Channels whose later days are to be loaded too, once every channel's near ones are ({@code warmAhead}). */
    private final ConcurrentHashMap<UUID, Long> toWarmAhead = new ConcurrentHashMap<>();
    private final boolean warming;
    /** What is loaded ahead once every channel's first span is ({@code continuity.query-cache.warm-ahead}). */
    private final Duration warmAhead;
    private volatile Thread warmer;

    public ScheduleCache(PlaylogReader reader, Clock clock, ContinuityConfig config, MeterRegistry metrics) {
        this.reader = reader;
        this.clock = clock;
        this.enabled = config.queryCache().enabled();
        long maxBytes = config.queryCache().maxBytes().orElse(Runtime.getRuntime().maxMemory() / 4);
        this.events = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((UUID id, DayEvents day) -> day.weight()).build();
        this.hits = metrics.counter("continuity.query.cache", "result", "hit");
        this.misses = metrics.counter("continuity.query.cache", "result", "miss");
        metrics.gauge("continuity.query.cache.warming", this, ScheduleCache::spansToWarm);
        this.warming = enabled && config.queryCache().warm();
        this.warmAhead = config.queryCache().warmAhead();
        LOG.debugf("Schedule query cache: %s, at most %d MiB of events", enabled ? "on" : "off", maxBytes >> 20);
    }

    /** Channel spans the warmer will still load ahead of the queries (none once the cache is at its bound: it stops there). */
    private double spansToWarm() {
        return full() ? 0 : toWarm.size() + toWarmAhead.size();
    }

    /** Whether the queries are answered from memory at all (configuration). */
    boolean enabled() {
        return enabled;
    }

    /** Whether the queries may be answered from memory now. */
    boolean serving() {
        return enabled && listening;
    }

    /** The listener connected (true) or lost its connection (false); either way what is held may be stale. */
    void listening(boolean now) {
        listening = now;
        forgetAll();
        if (now && warming) {
            long at = clock.millis();
            reader.liveChannels().forEach(channel -> {
                toWarm.putIfAbsent(channel, at);
                if (warmAhead.compareTo(WARM_SPAN) > 0) {
                    toWarmAhead.putIfAbsent(channel, at);
                }
            });
            startWarmer();
        }
    }

    private synchronized void startWarmer() {
        if (warmer == null) {
            warmer = Thread.ofPlatform().daemon().name("schedule-cache-warmer").start(this::warm);
        }
    }

    /** Takes a channel whose time has come off {@code queue}, or null when none has. */
    private static UUID claim(ConcurrentHashMap<UUID, Long> queue, long now) {
        for (java.util.Map.Entry<UUID, Long> entry : queue.entrySet()) {
            if (entry.getValue() <= now && queue.remove(entry.getKey(), entry.getValue())) {
                return entry.getKey();
            }
        }
        return null;
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (warmer != null) {
            warmer.interrupt();
            warmer = null;
        }
    }

    /**
     * Loads, one channel at a time, the days a {@code now} and a 24-hour range from now read — for every live channel when
     * the listener connects, and again for a channel {@value #WARM_QUIET_MS} ms after its last change — so the first
     * query of a channel does not wait for PostgreSQL, and a thousand channels asked at once (a fleet of ChannelManagers
     * starting) do not queue behind a thousand loads; then, the same way, each channel's days for the rest of the week.
     * It stops while the bound is reached, and never evicts for it.
     */
    private void warm() {
        int loaded = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long now = clock.millis();
                boolean near = true;
                UUID due = serving() && !full() ? claim(toWarm, now) : null;
                if (due == null && serving() && !full() && warmAhead.compareTo(WARM_SPAN) > 0) {
                    near = false;
                    due = claim(toWarmAhead, now);
                }
                if (due == null) {
                    if (loaded > 0 && toWarm.isEmpty() && toWarmAhead.isEmpty()) {
                        LOG.debugf("Schedule query cache warmed %d channel spans", loaded);
                        loaded = 0;
                    }
                    Thread.sleep(WARM_QUIET_MS / 4);
                    continue;
                }
                Instant from = Instant.ofEpochSecond(0, DayEvents.micros(clock.instant()) * 1_000);
                range(due, from, from.plus(near ? WARM_SPAN : warmAhead));
                loaded++;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.debugf("Warming the schedule query cache failed (%s); the queries load what they need", e.toString());
                try {
                    Thread.sleep(WARM_QUIET_MS); // the database may be away: do not spin against it
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** A ScheduleDay of {@code channelId} was written: its list of current versions is read again when next asked. */
    void changed(UUID channelId) {
        ChannelDays before = channels.compute(channelId, (id, held) -> {
            if (held != null && held.days() != null) {
                // its versions are read again on demand: a superseded one must not keep its room
                for (PlaylogReader.DayHeader day : held.days()) {
                    events.invalidate(day.id());
                }
            }
            return new ChannelDays(held == null ? 1 : held.generation() + 1, null, 0);
        });
        if (warming && warmer != null) {
            long due = clock.millis() + WARM_QUIET_MS;
            toWarm.put(channelId, due);
            if (warmAhead.compareTo(WARM_SPAN) > 0) {
                toWarmAhead.put(channelId, due);
            }
        }
        LOG.tracef("schedule of %s changed (generation %d)", channelId, before.generation());
    }

    /** Versions may have been deleted (a reset): forget everything. */
    void forgetAll() {
        epoch.incrementAndGet();
        channels.clear();
        events.invalidateAll();
    }

    /**
     * The channel's current events overlapping [from, to) as they would be read from the database, or null when they
     * cannot be answered from memory (the listener is down, or the range starts before what is held).
     */
    public Range range(UUID channelId, Instant from, Instant to) {
        if (!serving()) {
            return null;
        }
        if (from.getNano() % 1_000 != 0 || to.getNano() % 1_000 != 0) {
            return null; // the database keeps microseconds and rounds finer instants; so does nothing here
        }
        long fromUs = DayEvents.micros(from);
        long toUs = DayEvents.micros(to);
        ChannelDays held = days(channelId, fromUs);
        if (held == null) {
            return null;
        }
        List<Slice> slices = new ArrayList<>(3);
        for (PlaylogReader.DayHeader header : held.days()) {
            if (header.startUs() >= toUs) {
                break;
            }
            if (header.endUs() > fromUs) {
                DayEvents day = events.getIfPresent(header.id());
                if (day == null) {
                    misses.increment();
                    if (full()) {
                        // loading a whole day to evict another is slower than the database's answer: never thrash
                        return null;
                    }
                    day = events.get(header.id(), reader::dayEvents);
                } else {
                    hits.increment();
                }
                if (!day.ordered()) {
                    return null;
                }
                int first = day.firstEndingAfter(fromUs);
                int last = day.firstStartingAtOrAfter(toUs);
                if (first < last) {
                    slices.add(new Slice(header.id(), day, first, last));
                }
            }
        }
        return new Range(from, to, slices);
    }

    /** Whether the held events are within a day's weight of the bound, so that loading one more would evict another. */
    private boolean full() {
        return events.policy().eviction().map(e -> e.weightedSize().orElse(0) + DAY_WEIGHT > e.getMaximum()).orElse(false);
    }

    private ChannelDays days(UUID channelId, long fromUs) {
        ChannelDays held = channels.get(channelId);
        if (held != null && held.days() != null) {
            return held.fromUs() <= fromUs ? held : null;
        }
        long startEpoch = epoch.get();
        long generation = held == null ? 0 : held.generation();
        Instant since = clock.instant().minus(HISTORY);
        if (fromUs < DayEvents.micros(since)) {
            return null;
        }
        ChannelDays loaded = new ChannelDays(generation, reader.currentDays(channelId, since), DayEvents.micros(since));
        channels.compute(channelId, (id, now) -> (now == null ? 0 : now.generation()) == generation && epoch.get() == startEpoch && listening
                ? loaded : now);
        return loaded;
    }

    /** Whether the channel's current day at {@code at} is held in memory, its events included (without loading anything). */
    boolean holds(UUID channelId, Instant at) {
        ChannelDays held = channels.get(channelId);
        if (held == null || held.days() == null) {
            return false;
        }
        long us = DayEvents.micros(at);
        for (PlaylogReader.DayHeader day : held.days()) {
            if (day.startUs() <= us && us < day.endUs()) {
                return events.getIfPresent(day.id()) != null;
            }
        }
        return false;
    }

    /** The events of one version between two indexes. */
    record Slice(UUID scheduleDayId, DayEvents day, int from, int to) {
    }

    /** A range answered from memory: the slices of the days it overlaps, in time order. */
    public record Range(Instant from, Instant to, List<Slice> slices) {

        /**
         * A strong entity tag: the body is a function of the range and of the versions it was read from, which never
         * change, so the same tag means the same bytes.
         */
        public String etag() {
            long hash = 0xcbf29ce484222325L;
            hash = mix(hash, DayEvents.micros(from));
            hash = mix(hash, DayEvents.micros(to));
            for (Slice slice : slices) {
                hash = mix(hash, slice.scheduleDayId().getMostSignificantBits());
                hash = mix(hash, slice.scheduleDayId().getLeastSignificantBits());
                hash = mix(hash, slice.from());
                hash = mix(hash, slice.to());
            }
            return "p" + Long.toHexString(hash);
        }

        /**
         * The events as a JSON array, byte for byte what {@link PlaylogReader#writeCurrent} writes, in one array: handed to
         * the HTTP layer whole, it goes out in one write with a Content-Length, where a stream of small writes cost more
         * in network buffers than everything else the query does.
         */
        public byte[] json() {
            int size = 2;
            for (Slice slice : slices) {
                size += slice.day().bytes(slice.from(), slice.to()) + (slice.to() - slice.from());
            }
            byte[] json = new byte[size - (size > 2 ? 1 : 0)];
            int at = 0;
            json[at++] = '[';
            for (Slice slice : slices) {
                at = slice.day().copyEvents(slice.from(), slice.to(), at > 1, json, at);
            }
            json[at] = ']';
            return json;
        }

        /** The first {@code limit} events, as positions into their days. */
        public List<DayEvents.At> first(int limit) {
            List<DayEvents.At> found = new ArrayList<>(limit);
            for (Slice slice : slices) {
                for (int i = slice.from(); i < slice.to() && found.size() < limit; i++) {
                    found.add(new DayEvents.At(slice.day(), i));
                }
            }
            return found;
        }

        private static long mix(long hash, long value) {
            long h = hash ^ value;
            h *= 0x100000001b3L;
            return h ^ (h >>> 29);
        }
    }
}
