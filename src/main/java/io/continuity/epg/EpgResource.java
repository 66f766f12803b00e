package io.continuity.epg;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
    @Transactional
    public List<EpgEntry> guide(@PathParam("channelId") UUID channelId, @QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.parse(from, to, clock.instant(), DEFAULT_RANGE, MAX_RANGE);
        ChannelGuide.Channel channel = repository.channel(channelId)
                .orElseThrow(() -> ProblemException.notFound("no channel " + channelId));
        return epg.guide(channel, range);
    }
}
