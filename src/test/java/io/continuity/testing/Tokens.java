package io.continuity.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.continuity.api.Roles;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Bearer tokens for the tests and the local run, signed RS256 with the development key pair in
 * {@code src/test/resources/dev-keys} (not for production: its private key is in the repository). The service under
 * test verifies them because the {@code test} profile, and every {@link ServiceProcess}, point
 * {@code mp.jwt.verify.publickey.location} at the matching public key.
 */
public final class Tokens {

    /** The issuer of development tokens; the service checks it ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "urn:continuity:dev";
    private static final String PRIVATE_KEY = "dev-keys/continuity-dev-private.pem";
    private static final String PUBLIC_KEY = "dev-keys/continuity-dev-public.pem";
    private static final Duration TEST_LIFETIME = Duration.ofHours(12);

    private Tokens() {
    }

    /** A JWT with the {@code scheduler} role (may read and write), to send as {@code Authorization: Bearer <it>}. */
    public static String scheduler() {
        return mint("scheduler@continuity.test", TEST_LIFETIME, Roles.SCHEDULER);
    }

    /** A JWT with the {@code viewer} role (may only read), to send as {@code Authorization: Bearer <it>}. */
    public static String viewer() {
        return mint("viewer@continuity.test", TEST_LIFETIME, Roles.VIEWER);
    }

    /**
     * Prints a scheduler and a viewer token valid for a week, for a service that trusts the development key (the local
     * run, docker compose): {@code ./mvnw -q -Ptoken}.
     */
    public static void main(String[] args) {
        Duration week = Duration.ofDays(7);
        System.out.println("# development tokens, valid for 7 days; the service must trust dev-keys/continuity-dev-public.pem");
        System.out.println("export TOKEN=" + mint("scheduler@continuity.local", week, Roles.SCHEDULER));
        System.out.println("export VIEWER_TOKEN=" + mint("viewer@continuity.local", week, Roles.VIEWER));
    }

    /** A RestAssured request carrying a scheduler token. */
    public static RequestSpecification asScheduler() {
        return given().auth().oauth2(scheduler());
    }

    /** A RestAssured request carrying a viewer token. */
    public static RequestSpecification asViewer() {
        return given().auth().oauth2(viewer());
    }

    /** A request whose request and response are printed when an expectation on it fails: the body says why. */
    private static RequestSpecification given() {
        return RestAssured.given().config(RestAssured.config().logConfig(
                io.restassured.config.LogConfig.logConfig().enableLoggingOfRequestAndResponseIfValidationFails()));
    }

    /** A signed token for {@code user} with {@code roles} in its {@code groups} claim. */
    public static String mint(String user, Duration lifetime, String... roles) {
        return Jwt.issuer(ISSUER).upn(user).subject(user).groups(Set.of(roles)).expiresIn(lifetime).sign(privateKey());
    }

    /**
     * The system properties that make a packaged service verify these tokens: the public key as a file on the test
     * class path, and the issuer.
     */
    public static Map<String, String> verificationConfig() {
        URL key = Tokens.class.getClassLoader().getResource(PUBLIC_KEY);
        if (key == null) {
            throw new IllegalStateException(PUBLIC_KEY + " is not on the class path");
        }
        try {
            return Map.of("mp.jwt.verify.publickey.location", Path.of(key.toURI()).toString(), "mp.jwt.verify.issuer", ISSUER);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.readPrivateKey(PRIVATE_KEY);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the development signing key " + PRIVATE_KEY, e);
        }
    }
}
