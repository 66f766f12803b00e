package io.continuity.epg;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.continuity.api.EntityTags;
import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
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

/**
 * One channel's electronic programme guide as JSON: its programmes overlapping a window, a view of the current
 * ScheduleDay versions (see {@link EpgBuilder} for the rules). The XMLTV export of all channels is {@link XmltvResource}.
 */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path("/api/v1/channels/{channelId}/epg")
@Produces(MediaType.APPLICATION_JSON)
public class EpgResource {

    static final Duration MAX_RANGE = Duration.ofDays(8);
    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    private final EpgService epg;
    private final EpgRepository repository;
    private final Clock clock;

    public EpgResource(EpgService epg, EpgRepository repository, Clock clock) {
        this.epg = epg;
        this.repository = repository;
        this.clock = clock;
    }

    /** The channel's programmes overlapping [from, to); by default the next 24 hours. */
    @GET
    @APIResponse(responseCode = "200", description = "the programmes overlapping the range; the ETag changes only when the channel, a"
            + " current day version overlapping the range or the catalog changes, so If-None-Match answers 304 until then",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EpgEntry.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag: the guide over the range is the same")
    @Transactional
    public Response guide(@PathParam("channelId") UUID channelId, @QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TimeRange range = TimeRange.parse(from, to, clock.instant(), DEFAULT_RANGE, MAX_RANGE);
        ChannelGuide.Channel channel = repository.channel(channelId)
                .orElseThrow(() -> ProblemException.notFound("no channel " + channelId));
        EntityTag tag = new EntityTag("g" + repository.fingerprint(List.of(channelId), range));
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        return Response.ok(epg.guide(channel, range)).tag(tag).build();
    }
}
