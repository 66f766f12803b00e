package io.continuity.epg;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The guide of every channel that is not retired as one XMLTV document, the format IPTV players and guide tools read.
 * The data is read in two queries inside the request's transaction; the document is then streamed to the client.
 */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path(XmltvResource.PATH)
public class XmltvResource {

    /** Also readable with {@code ?access_token=} for clients that cannot send headers ({@link XmltvAccessToken}). */
    public static final String PATH = "/api/v1/epg/xmltv";

    private static final Duration DEFAULT_RANGE = Duration.ofDays(3);

    private final EpgService epg;
    private final EpgRepository repository;
    private final XmltvWriter writer = new XmltvWriter();
    private final Clock clock;

    public XmltvResource(EpgService epg, EpgRepository repository, Clock clock) {
        this.epg = epg;
        this.repository = repository;
        this.clock = clock;
    }

    /** Programmes overlapping [from, to) on every channel; by default the next 3 days. */
    @GET
    @Produces(XmltvWriter.MEDIA_TYPE)
    @Transactional
    public Response xmltv(@QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.parse(from, to, clock.instant(), DEFAULT_RANGE, EpgResource.MAX_RANGE);
        List<ChannelGuide> guides = epg.guides(repository.activeChannels(), range);
        StreamingOutput body = out -> writer.write(guides, out);
        return Response.ok(body, XmltvWriter.MEDIA_TYPE).build();
    }
}
