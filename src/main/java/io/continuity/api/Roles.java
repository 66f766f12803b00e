package io.continuity.api;

/**
 * The two roles of the REST API, taken from the bearer token's {@code groups} claim: a {@code scheduler} changes
 * channels, plans, assignments, the catalog and the playlog; a {@code viewer} only reads. A scheduler may read too.
 */
public final class Roles {

    public static final String SCHEDULER = "scheduler";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
