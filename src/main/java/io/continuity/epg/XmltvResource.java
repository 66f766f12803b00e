package io.continuity.epg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;


import io.continuity.api.EntityTags;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.config.ContinuityConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The guide of every channel that is not retired as one XMLTV document, the format IPTV players and guide tools read.
 * The data is read in two queries inside the request's transaction, after a third that tells whether the client's copy, or
 * the one held here, is still the guide.
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
    /** Rendered documents by ETag: a handful at most (one per window players ask for), bounded in bytes. */
    private final Cache<String, byte[]> documents;
    private final long maxDocumentBytes;

    public XmltvResource(EpgService epg, EpgRepository repository, Clock clock, ContinuityConfig config) {
        this.epg = epg;
        this.repository = repository;
        this.clock = clock;
        this.maxDocumentBytes = config.queryCache().enabled() ? config.queryCache().xmltvMaxBytes() : 0;
        this.documents = Caffeine.newBuilder().maximumWeight(Math.max(1, maxDocumentBytes))
                .weigher((String tag, byte[] document) -> document.length).build();
    }

    /**
     * Programmes overlapping [from, to) on every channel; by default 3 days from the top of the current hour (so players
     * polling the default guide within an hour are answered from the same document). The document's ETag is a digest of
     * what it is made of ({@link EpgRepository#fingerprint}); If-None-Match answers 304 while it holds, and the rendered
     * document is kept in memory (at most {@code continuity.query-cache.xmltv-max-bytes}) for the next player that asks.
     */
    @GET
    @Produces(XmltvWriter.MEDIA_TYPE)
    @APIResponse(responseCode = "200", description = "the XMLTV document; its ETag changes only when a channel, a current day version"
            + " overlapping the range or the catalog changes")
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag: the document is the same")
    @Transactional
    public Response xmltv(@QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Instant now = clock.instant();
        TimeRange range = TimeRange.parse(from, to, from == null ? now.truncatedTo(ChronoUnit.HOURS) : now, DEFAULT_RANGE, EpgResource.MAX_RANGE);
        List<ChannelGuide.Channel> channels = repository.activeChannels();
        EntityTag tag = new EntityTag("x" + repository.fingerprint(channels.stream().map(ChannelGuide.Channel::id).toList(), range));
        if (EntityTags.matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).build();
        }
        byte[] held = documents.getIfPresent(tag.getValue());
        if (held != null) {
            return Response.ok(held, XmltvWriter.MEDIA_TYPE).tag(tag).build();
        }
        List<ChannelGuide> guides = epg.guides(channels, range);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            writer.write(guides, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] document = out.toByteArray();
        if (document.length <= maxDocumentBytes / 2) {
            documents.put(tag.getValue(), document);
        }
        return Response.ok(document, XmltvWriter.MEDIA_TYPE).tag(tag).build();
    }
}
