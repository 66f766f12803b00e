package io.continuity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.continuity.testing.Tokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/** A verified token is recognised again without a new check, never past its expiry; one that fails is never kept. */
class VerifiedTokensTest {

    private final VerifiedTokens tokens = new VerifiedTokens();
    private final JWTAuthContextInfo info = info();

    private static JWTAuthContextInfo info() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(Tokens.verificationConfig().get("mp.jwt.verify.publickey.location"), Tokens.ISSUER);
        info.setClockSkew(0);
        return info;
    }

    @Test
    void aVerifiedTokenIsRecognisedWithoutBeingParsedAgain() throws ParseException {
        String token = Tokens.mint("ops@continuity.test", Duration.ofHours(1), Roles.SCHEDULER);
        JWTCallerPrincipal first = tokens.parse(token, info);
        assertThat(first.getGroups()).containsExactly(Roles.SCHEDULER);
        assertThat(tokens.parse(token, info)).isSameAs(first);
        assertThat(tokens.parse(Tokens.mint("ops@continuity.test", Duration.ofHours(1), Roles.VIEWER), info).getGroups())
                .containsExactly(Roles.VIEWER);
    }

    @Test
    void aRecognisedTokenStopsWorkingWhenItExpires() throws ParseException {
        String token = Tokens.mint("short@continuity.test", Duration.ofSeconds(2), Roles.VIEWER);
        assertThat(tokens.parse(token, info).getName()).isEqualTo("short@continuity.test");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThatThrownBy(() -> tokens.parse(token, info)).isInstanceOf(ParseException.class));
    }

    @Test
    void aTokenThatFailsIsCheckedEveryTime() throws ParseException {
        String good = Tokens.mint("ops@continuity.test", Duration.ofHours(1), Roles.SCHEDULER);
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.parse(forged, info)).isInstanceOf(ParseException.class);
        }
        assertThat(tokens.parse(good, info).getName()).isEqualTo("ops@continuity.test");
    }
}
