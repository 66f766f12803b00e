package io.continuity.epg;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Lets a client that cannot send headers — most IPTV players and guide grabbers are configured with a URL only — read
 * the XMLTV document with its bearer token in the query, {@code /api/v1/epg/xmltv?access_token=<jwt>} (RFC 6750
 * §2.3). The token is verified exactly like one in the {@code Authorization} header, which wins when both are sent.
 * Only this path and the IPTV playlist ({@code io.continuity.iptv.PlaylistAccessToken}) take it: a token in a URL ends
 * up in proxy and access logs, so give such clients a viewer token.
 */
@ApplicationScoped
public class XmltvAccessToken {

    static final String PARAMETER = "access_token";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (XmltvResource.PATH.equals(rc.normalizedPath())) {
                takeFromQuery(rc);
            }
            rc.next();
        }, 100);
    }

    /** Moves a request's {@code ?access_token=} into its {@code Authorization} header, unless it has one already. */
    public static void takeFromQuery(RoutingContext rc) {
        if (rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            String token = rc.request().getParam(PARAMETER);
            if (token != null && !token.isBlank()) {
                rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.trim());
            }
        }
    }
}
