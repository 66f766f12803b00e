package io.continuity.epg;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Lets a client that cannot send headers — most IPTV players and guide grabbers are configured with a URL only — read
 * the XMLTV document with its bearer token in the query, {@code /api/v1/epg/xmltv?access_token=<jwt>} (RFC 6750
 * §2.3). The token is verified exactly like one in the {@code Authorization} header, which wins when both are sent.
 * Only this path takes it: a token in a URL ends up in proxy and access logs, so give such clients a viewer token.
 */
@ApplicationScoped
public class XmltvAccessToken {

    static final String PARAMETER = "access_token";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (XmltvResource.PATH.equals(rc.normalizedPath()) && rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                String token = rc.request().getParam(PARAMETER);
                if (token != null && !token.isBlank()) {
                    rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.trim());
                }
            }
            rc.next();
        }, 100);
    }
}
