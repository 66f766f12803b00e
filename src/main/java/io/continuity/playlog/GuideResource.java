package io.continuity.playlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.config.ContinuityConfig;
import io.continuity.playlog.GuideViews.GuideView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The one read behind the web program guide at {@code /}: every active channel with its zone and its programmes in a
 * window, each with lineage, override and reconciliation outcome, plus the service's "now". The page needs all of it
 * at once and every 30 seconds, so it is one request rather than four per channel.
 */
@Path("/api/v1/guide")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class GuideResource {

    static final Duration MAX_RANGE = Duration.ofDays(2);
    private static final Duration DEFAULT_BEFORE_NOW = Duration.ofHours(2);
    private static final Duration DEFAULT_RANGE = Duration.ofHours(12);

    private final GuideRepository repository;
    private final Clock clock;
    private final double clockRate;

    public GuideResource(GuideRepository repository, Clock clock, ContinuityConfig config) {
        this.repository = repository;
        this.clock = clock;
        this.clockRate = config.clock().start().isPresent() ? config.clock().speed() : 1;
    }

    /** Programmes overlapping [from, to); by default from two hours before now, for twelve hours; at most two days. */
    @GET
    public GuideView guide(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant now = clock.instant();
        TimeRange range = TimeRange.parse(from, to, now.minus(DEFAULT_BEFORE_NOW), DEFAULT_RANGE, MAX_RANGE);
        return new GuideView(now, clockRate, range.from(), range.to(), repository.guide(range));
    }
}
