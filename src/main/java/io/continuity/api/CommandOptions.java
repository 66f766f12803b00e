package io.continuity.api;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.HeaderParam;

/**
 * The request headers every command understands. {@code Idempotency-Key} becomes the event's {@code ce_id}, so a
 * retried request is applied once. {@code Prefer: wait=N} (RFC 7240) shortens how long the command waits for the
 * projection before answering 202; it never lengthens the configured {@code continuity.rest.command-timeout}.
 */
public class CommandOptions {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,6})(?:$|[,;\\s])");

    @HeaderParam(IDEMPOTENCY_KEY)
    String idempotencyKey;

    @HeaderParam("Prefer")
    String prefer;

    /** The command id: the client's idempotency key, or a fresh one. */
    public String commandId() {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ProblemException.badParameter(IDEMPOTENCY_KEY, "must be 1 to 200 non-blank characters");
        }
        return idempotencyKey.strip();
    }

    /** The wait the client prefers, if it said. */
    public Optional<Duration> preferredWait() {
        if (prefer == null) {
            return Optional.empty();
        }
        Matcher m = WAIT.matcher(prefer);
        return m.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1)))) : Optional.empty();
    }
}
