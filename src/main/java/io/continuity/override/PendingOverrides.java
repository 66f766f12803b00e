package io.continuity.override;

import io.continuity.resolver.ChannelResolved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Overrides read from the log while this instance caught up with it (start-up, a rebuild from offset 0) are kept until
 * their channel has been resolved, then applied in log order, so a rebuild keeps every override the live run applied.
 */
@ApplicationScoped
public class PendingOverrides {

    private final OverrideService overrides;

    public PendingOverrides(OverrideService overrides) {
        this.overrides = overrides;
    }

    void onResolved(@Observes ChannelResolved resolved) {
        overrides.applyPending(resolved.channelId(), resolved.at());
    }
}
