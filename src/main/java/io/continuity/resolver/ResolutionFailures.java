package io.continuity.resolver;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.continuity.alert.Alerts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A channel whose resolution failed on input that passed validation: a critical alert names the channel, the inputs
 * behind the failed resolution and the error, once per channel and error; the channel's published days keep airing.
 */
@ApplicationScoped
public class ResolutionFailures {

    private final Alerts alerts;

    public ResolutionFailures(Alerts alerts) {
        this.alerts = alerts;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID channelId, ResolutionRequests.Pending request, RuntimeException error, Instant now) {
        String causes = String.join(", ", request.causes());
        alerts.raise(channelId, Alerts.Kind.RESOLUTION_FAILED, Alerts.Severity.CRITICAL, null,
                "resolving the channel failed (" + error + ") after " + (causes.isEmpty() ? request.reason() : causes)
                        + "; its published days keep airing and the resolution is tried again every minute",
                Map.of("error", String.valueOf(error), "reason", request.reason(), "causes", request.causes()), now,
                "failed/" + error.getClass().getName() + "/" + String.valueOf(error.getMessage()).hashCode());
    }
}
