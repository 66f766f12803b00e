package io.continuity.asrun;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

/**
 * What one ingest transaction learned about rotation: the channels on which something other than the planned asset
 * aired. They are re-resolved once per batch, after every entry of it was stored.
 */
@TransactionScoped
public class AsRunBatch implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<UUID> airedOffPlan = new LinkedHashSet<>();

    void airedOffPlan(UUID channelId) {
        airedOffPlan.add(channelId);
    }

    Set<UUID> channelsAiredOffPlan() {
        return Set.copyOf(airedOffPlan);
    }
}
