package io.continuity.override;

import io.continuity.common.EventTimes;
import io.continuity.events.Envelope;
import io.continuity.events.OverrideCommand;
import io.continuity.events.OverrideRequested;
import io.continuity.events.Topic;
import io.continuity.messaging.EventApplier;
import io.continuity.messaging.RecordContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies {@code continuity.override-commands} records. */
@ApplicationScoped
public class OverrideCommandsApplier implements EventApplier<OverrideCommand> {

    private final OverrideService overrides;

    public OverrideCommandsApplier(OverrideService overrides) {
        this.overrides = overrides;
    }

    @Override
    public Topic topic() {
        return Topic.OVERRIDE_COMMANDS;
    }

    @Override
    public Class<OverrideCommand> family() {
        return OverrideCommand.class;
    }

    @Override
    public String expectedKey(OverrideCommand event) {
        return switch (event) {
            case OverrideRequested r -> r.channelId().toString();
        };
    }

    @Override
    public void apply(Envelope<OverrideCommand> envelope, RecordContext record) {
        switch (envelope.event()) {
            case OverrideRequested r -> overrides.apply(r, EventTimes.of(envelope, record), envelope.id(), record.position());
        }
    }
}
