package io.continuity.bench;

import java.util.Map;

/**
 * How far the service has got, read from its database: records applied (the offsets it stored with its projection),
 * channels with all their days resolved, and channels still waiting for resolution.
 */
record ResolutionStatus(long applied, long resolvedChannels, long pending) {

    static ResolutionStatus of(Service service) {
        Map<String, Object> s = service.db().rows("""
                SELECT (SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE group_id = ?) AS applied,
                       (SELECT count(*) FROM (SELECT channel_id FROM broadcast_schedule_day WHERE superseded_at IS NULL
                            GROUP BY channel_id HAVING count(*) >= ?) c) AS resolved,
                       (SELECT count(*) FROM resolution_request) AS pending""", service.group(), Scale.DAYS).get(0);
        return new ResolutionStatus(((Number) s.get("applied")).longValue(), ((Number) s.get("resolved")).longValue(),
                ((Number) s.get("pending")).longValue());
    }

    /**
     * Records applied and channels waiting, without counting the resolved ones (-1): at 10,000 channels that count groups
     * 70,000 days, and polled four times a second it took a noticeable share of the database the service was using.
     */
    static ResolutionStatus quick(Service service) {
        Map<String, Object> s = service.db().rows("""
                SELECT (SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE group_id = ?) AS applied,
                       (SELECT count(*) FROM resolution_request) AS pending""", service.group()).get(0);
        return new ResolutionStatus(((Number) s.get("applied")).longValue(), -1, ((Number) s.get("pending")).longValue());
    }

    /** Whether the service could be done: every record applied and nothing waiting (the resolved channels still to count). */
    boolean quiet(long records) {
        return applied >= records && pending == 0;
    }

    boolean done(long records, long channels) {
        return applied >= records && resolvedChannels >= channels && pending == 0;
    }
}
