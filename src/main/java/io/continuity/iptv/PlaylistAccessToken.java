package io.continuity.iptv;

import io.continuity.epg.XmltvAccessToken;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Lets an IPTV player, configured with a URL only, read the M3U playlist with its bearer token in the query,
 * {@code /iptv/channels.m3u?access_token=<jwt>}, exactly as it reads the XMLTV guide ({@link XmltvAccessToken}). Give
 * such players a viewer token: a token in a URL ends up in proxy and access logs.
 */
@ApplicationScoped
public class PlaylistAccessToken {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (IptvResource.PLAYLIST.equals(rc.normalizedPath())) {
                XmltvAccessToken.takeFromQuery(rc);
            }
            rc.next();
        }, 100);
    }
}
