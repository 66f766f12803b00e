package io.continuity.playlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.events.EventJson;
import io.continuity.playlog.PlaylogViews.EventView;
import io.continuity.playlog.PlaylogViews.NowView;
import io.continuity.playlog.PlaylogViews.ScheduleDayView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

/** Read side of the resolved schedule: ScheduleDays (current or as of an instant), playlog ranges, now. */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class ScheduleQueryResource {

    private static final Duration MAX_RANGE = Duration.ofDays(8);

    private final Clock clock;
    private final PlaylogReader reader;
    private final CurrentSchedule current;

    public ScheduleQueryResource(Clock clock, PlaylogReader reader, CurrentSchedule current) {
        this.clock = clock;
        this.reader = reader;
        this.current = current;
    }

    @GET
    @Path("/schedule-days/{broadcastDay}")
    public ScheduleDayView scheduleDay(@PathParam("channelId") UUID channelId, @PathParam("broadcastDay") String broadcastDay,
            @QueryParam("as_of") String asOf) {
        LocalDate day = TimeRange.date("broadcast_day", broadcastDay);
        BroadcastScheduleDayEntity version = (asOf == null
                ? current.day(channelId, day)
                : current.dayAsOf(channelId, day, instant("as_of", asOf)))
                .orElseThrow(() -> ProblemException.notFound("no schedule for channel " + channelId + " on " + day
                        + (asOf == null ? "" : " as of " + asOf)));
        try {
            return new ScheduleDayView(channelId, day, version.id, version.version, version.dayStartUtc, version.dayEndUtc,
                    version.replacesFromUtc, version.planLineage, version.seed, version.createdAt, version.supersededAt,
                    EventJson.mapper().readTree(version.decisions), EventJson.mapper().readTree(version.causes == null ? "[]" : version.causes),
                    BroadcastPlaylogEventEntity.ofDay(version.id).stream().map(EventView::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/playlog")
    @APIResponse(responseCode = "200", description = "the current events overlapping the range, in time order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EventView.class)))
    @Transactional(Transactional.TxType.SUPPORTS)
    public StreamingOutput playlog(@PathParam("channelId") UUID channelId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = from == null ? clock.instant() : instant("from", from);
        Instant end = to == null ? start.plus(Duration.ofDays(1)) : instant("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.badParameter("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.badParameter("to", "a range may span at most " + MAX_RANGE.toDays() + " days");
        }
        return out -> reader.writeCurrent(channelId, start, end, out);
    }

    @GET
    @Path("/now")
    @Transactional(Transactional.TxType.SUPPORTS)
    public NowView now(@PathParam("channelId") UUID channelId) {
        Instant now = clock.instant();
        List<EventView> around = reader.current(channelId, now, now.plus(Duration.ofHours(12)), 2);
        if (around.isEmpty() || around.get(0).startUtc().isAfter(now)) {
            throw ProblemException.notFound("nothing is scheduled on channel " + channelId + " at " + now);
        }
        EventView onAir = around.get(0);
        long into = Duration.between(onAir.startUtc(), now).toMillis();
        return new NowView(channelId, now, onAir, into, onAir.offsetMs() + into, around.size() > 1 ? around.get(1) : null);
    }

    private static Instant instant(String field, String value) {
        return TimeRange.instant(field, value);
    }
}
