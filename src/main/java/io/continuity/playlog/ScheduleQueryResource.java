package io.continuity.playlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.api.ProblemException;
import io.continuity.events.EventJson;
import io.continuity.playlog.PlaylogViews.EventView;
import io.continuity.playlog.PlaylogViews.NowView;
import io.continuity.playlog.PlaylogViews.ScheduleDayView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read side of the resolved schedule: ScheduleDays (current or as of an instant), playlog ranges, now. */
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ScheduleQueryResource {

    private static final Duration MAX_RANGE = Duration.ofDays(8);

    private final Clock clock;

    public ScheduleQueryResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Path("/schedule-days/{broadcastDay}")
    public ScheduleDayView scheduleDay(@PathParam("channelId") UUID channelId, @PathParam("broadcastDay") String broadcastDay,
            @QueryParam("as_of") String asOf) {
        LocalDate day = date("broadcast_day", broadcastDay);
        BroadcastScheduleDayEntity version = (asOf == null
                ? BroadcastScheduleDayEntity.current(channelId, day)
                : BroadcastScheduleDayEntity.asOf(channelId, day, instant("as_of", asOf)))
                .orElseThrow(() -> ProblemException.notFound("no schedule for channel " + channelId + " on " + day
                        + (asOf == null ? "" : " as of " + asOf)));
        try {
            return new ScheduleDayView(channelId, day, version.id, version.version, version.dayStartUtc, version.dayEndUtc,
                    version.replacesFromUtc, version.planLineage, version.seed, version.createdAt, version.supersededAt,
                    EventJson.mapper().readTree(version.decisions),
                    BroadcastPlaylogEventEntity.ofDay(version.id).stream().map(EventView::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/playlog")
    public List<EventView> playlog(@PathParam("channelId") UUID channelId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = from == null ? clock.instant() : instant("from", from);
        Instant end = to == null ? start.plus(Duration.ofDays(1)) : instant("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.badParameter("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.badParameter("to", "a range may span at most " + MAX_RANGE.toDays() + " days");
        }
        return current(channelId, start, end).stream().map(EventView::of).toList();
    }

    @GET
    @Path("/now")
    public NowView now(@PathParam("channelId") UUID channelId) {
        Instant now = clock.instant();
        List<BroadcastPlaylogEventEntity> around = current(channelId, now, now.plus(Duration.ofHours(12)), 2);
        if (around.isEmpty() || around.get(0).startUtc.isAfter(now)) {
            throw ProblemException.notFound("nothing is scheduled on channel " + channelId + " at " + now);
        }
        BroadcastPlaylogEventEntity onAir = around.get(0);
        long into = Duration.between(onAir.startUtc, now).toMillis();
        return new NowView(channelId, now, EventView.of(onAir), into, onAir.offsetMs + into,
                around.size() > 1 ? EventView.of(around.get(1)) : null);
    }

    /** Events of the current ScheduleDay versions that overlap [from, to), in time order. */
    static List<BroadcastPlaylogEventEntity> current(UUID channelId, Instant from, Instant to) {
        return currentQuery(channelId, from, to).list();
    }

    /** The first {@code limit} of those ({@code now} needs two: on air and next). */
    static List<BroadcastPlaylogEventEntity> current(UUID channelId, Instant from, Instant to, int limit) {
        return currentQuery(channelId, from, to).range(0, limit - 1).list();
    }

    private static PanacheQuery<BroadcastPlaylogEventEntity> currentQuery(UUID channelId, Instant from, Instant to) {
        return BroadcastPlaylogEventEntity.find("""
                select e from BroadcastPlaylogEventEntity e, BroadcastScheduleDayEntity d
                where d.id = e.scheduleDayId and d.supersededAt is null and e.overridden = false and e.channelId = ?1 and e.endUtc > ?2 and e.startUtc < ?3
                order by e.startUtc""", channelId, from, to);
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(field, "must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    static Instant instant(String field, String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(field, "must be an ISO-8601 instant such as 2026-11-22T18:00:00Z, was '" + value + "'");
        }
    }
}
