package io.continuity.api;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Bearer tokens verified once, then recognised: a ChannelManager or a guide polls {@code now} and the playlog with the
 * same token many times a minute, and checking its RS256 signature and claims again each time was the largest share of
 * a query answered from memory. A token is kept (by its exact text) for at most {@link #KEEP} after it was verified,
 * never past its own expiry, and only once it verified — a token that fails is checked again every time. Tokens are
 * verified by smallrye-jwt's own factory, with the configuration it is given.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** How long a verified token is recognised without being checked again (and so how long a revoked key keeps working). */
    static final Duration KEEP = Duration.ofSeconds(60);
    /** Tokens held at most: ChannelManagers, guides and operators together. */
    private static final int MAX_TOKENS = 10_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Cache<String, JWTCallerPrincipal> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(KEEP).build();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && unexpired(known, authContextInfo)) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        verified.put(token, principal);
        return principal;
    }

    /** Whether the token's {@code exp} (with the configured leeway, as the verifier allows it) is still ahead. */
    private static boolean unexpired(JWTCallerPrincipal principal, JWTAuthContextInfo info) {
        long expiry = principal.getExpirationTime();
        return expiry > 0 && System.currentTimeMillis() / 1000 < expiry + Math.max(0, info.getClockSkew());
    }
}
