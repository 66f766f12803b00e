package io.continuity.playlog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

import io.continuity.api.EntityTags;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    private final ScheduleCache cache;

    public ScheduleQueryResource(Clock clock, PlaylogReader reader, CurrentSchedule current, ScheduleCache cache) {
        this.cache = cache;
        this.clock = clock;
        this.reader = reader;
        this.current = current;
    }

    @GET
    @Path("/schedule-days/{broadcastDay}")
    @APIResponse(responseCode = "200", description = "the version with its events; its ETag is the version's id, which never changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleDayView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named this version: it is still the one asked for")
    public Response scheduleDay(@PathParam("channelId") UUID channelId, @PathParam("broadcastDay") String broadcastDay,
            @QueryParam("as_of") String asOf, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        LocalDate day = TimeRange.date("broadcast_day", broadcastDay);
        BroadcastScheduleDayEntity version = (asOf == null
                ? current.day(channelId, day)
                : current.dayAsOf(channelId, day, instant("as_of", asOf)))
                .orElseThrow(() -> ProblemException.notFound("no schedule for channel " + channelId + " on " + day
                        + (asOf == null ? "" : " as of " + asOf)));
        EntityTag tag = new EntityTag("d" + version.id + (version.supersededAt == null ? "" : "-" + version.supersededAt.toEpochMilli()));
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        try {
            return Response.ok(new ScheduleDayView(channelId, day, version.id, version.version, version.dayStartUtc, version.dayEndUtc,
                    version.replacesFromUtc, version.planLineage, version.seed, version.createdAt, version.supersededAt,
                    EventJson.mapper().readTree(version.decisions), EventJson.mapper().readTree(version.causes == null ? "[]" : version.causes),
                    BroadcastPlaylogEventEntity.ofDay(version.id).stream().map(EventView::of).toList())).tag(tag).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/playlog")
    @APIResponse(responseCode = "200", description = "the current events overlapping the range, in time order; the ETag names the"
            + " versions they were read from, so a conditional GET with If-None-Match answers 304 while none of them changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EventView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag: the range still holds the same events")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response playlog(@PathParam("channelId") UUID channelId, @QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Instant start = from == null ? clock.instant() : instant("from", from);
        Instant end = to == null ? start.plus(Duration.ofDays(1)) : instant("to", to);
        if (!end.isAfter(start)) {
            throw ProblemException.badParameter("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.badParameter("to", "a range may span at most " + MAX_RANGE.toDays() + " days");
        }
        ScheduleCache.Range range = cache.range(channelId, start, end);
        if (range == null) {
            return Response.ok((StreamingOutput) out -> reader.writeCurrent(channelId, start, end, out)).build();
        }
        EntityTag tag = new EntityTag(range.etag());
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(range.json()).tag(tag).build();
    }

    @GET
    @Path("/now")
    @APIResponse(responseCode = "200", description = "what is on air now and what follows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NowView.class)))
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response now(@PathParam("channelId") UUID channelId) {
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofHours(12));
        ScheduleCache.Range range = cache.range(channelId, now, until);
        if (range == null) {
            return Response.ok(nowFromDatabase(channelId, now, until)).build();
        }
        List<DayEvents.At> around = range.first(2);
        if (around.isEmpty() || around.get(0).startUs() > DayEvents.micros(now)) {
            throw nothingOnAir(channelId, now);
        }
        DayEvents.At onAir = around.get(0);
        long into = (DayEvents.micros(now) - onAir.startUs()) / 1_000;
        DayEvents.At next = around.size() > 1 ? around.get(1) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            writeNow(out, channelId, now, onAir, into, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toByteArray()).build();
    }

    private NowView nowFromDatabase(UUID channelId, Instant now, Instant until) {
        List<EventView> around = reader.current(channelId, now, until, 2);
        if (around.isEmpty() || around.get(0).startUtc().isAfter(now)) {
            throw nothingOnAir(channelId, now);
        }
        EventView onAir = around.get(0);
        long into = Duration.between(onAir.startUtc(), now).toMillis();
        return new NowView(channelId, now, onAir, into, onAir.offsetMs() + into, around.size() > 1 ? around.get(1) : null);
    }

    /** The {@link NowView} shape, as the REST layer writes it, around the held bytes of the two events. */
    private static void writeNow(OutputStream out, UUID channelId, Instant now, DayEvents.At onAir, long into, DayEvents.At next)
            throws IOException {
        out.write(("{\"channel_id\":\"" + channelId + "\",\"at_utc\":\"" + now + "\",\"event\":").getBytes(StandardCharsets.US_ASCII));
        onAir.write(out);
        out.write((",\"offset_into_event_ms\":" + into + ",\"position_in_asset_ms\":" + (onAir.offsetMs() + into) + ",\"next\":")
                .getBytes(StandardCharsets.US_ASCII));
        if (next == null) {
            out.write("null".getBytes(StandardCharsets.US_ASCII));
        } else {
            next.write(out);
        }
        out.write('}');
    }

    private static ProblemException nothingOnAir(UUID channelId, Instant now) {
        return ProblemException.notFound("nothing is scheduled on channel " + channelId + " at " + now);
    }

    private static Instant instant(String field, String value) {
        return TimeRange.instant(field, value);
    }
}
