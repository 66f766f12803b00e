package io.continuity.iptv;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.epg.XmltvResource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What an IPTV player is given: the channel list as an M3U playlist next to the XMLTV guide, the channels' logos, and the
 * same list as JSON for the program guide's Watch button. Players that cannot send headers read the playlist with
 * {@code ?access_token=} like the XMLTV export; the playlist then hands the same token on in its {@code url-tvg}.
 */
@Path("/")
public class IptvResource {

    /** The M3U playlist; also readable with {@code ?access_token=} (see {@code XmltvAccessToken}). */
    public static final String PLAYLIST = "/iptv/channels.m3u";
    static final String LOGOS = "/iptv/logos";

    private final IptvService iptv;

    public IptvResource(IptvService iptv) {
        this.iptv = iptv;
    }

    @GET
    @Path(PLAYLIST)
    @Produces(M3uWriter.MEDIA_TYPE)
    @RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
    @Operation(summary = "Every live channel as an M3U playlist for IPTV players (tvg-id = XMLTV channel id); also takes ?access_token=")
    public Response playlist(@Context UriInfo uri, @QueryParam("access_token") String accessToken) {
        URI base = uri.getBaseUri();
        String guide = base.resolve(XmltvResource.PATH.substring(1)).toString();
        if (accessToken != null && !accessToken.isBlank()) {
            guide += "?access_token=" + URLEncoder.encode(accessToken.trim(), StandardCharsets.UTF_8);
        }
        String body = M3uWriter.write(guide, iptv.channels(base));
        return Response.ok(body, M3uWriter.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"continuity.m3u\"").build();
    }

    @GET
    @Path("/api/v1/iptv/channels")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
    @Operation(summary = "The M3U playlist's channels as JSON: number, XMLTV id, logo and live stream URL, by channel number")
    public List<IptvChannel> channels(@Context UriInfo uri) {
        return iptv.channels(uri.getBaseUri());
    }

    /** Open like the page's other static files: a logo depends on the slug in its URL alone ({@link ChannelLogo}). */
    @GET
    @Path(LOGOS + "/{file}")
    @Produces(ChannelLogo.MEDIA_TYPE)
    @PermitAll
    @Operation(summary = "A channel's generated logo (SVG), drawn from its slug; open like the guide's static files")
    public Response logo(@PathParam("file") String file) {
        String slug = file.endsWith(".svg") ? file.substring(0, file.length() - ".svg".length()) : "";
        if (!ChannelLogo.SLUG.matcher(slug).matches()) {
            throw ProblemException.notFound("logo " + file);
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400);
        return Response.ok(ChannelLogo.svg(slug), ChannelLogo.MEDIA_TYPE).cacheControl(cache).build();
    }
}
