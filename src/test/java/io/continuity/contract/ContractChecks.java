package io.continuity.contract;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.catalog.CatalogProjection;
import io.continuity.channel.ChannelProjection;
import io.continuity.events.AlertRaised;
import io.continuity.events.AsRunRecorded;
import io.continuity.events.AssignmentDefinition;
import io.continuity.events.CatalogEvent;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.DayPublished;
import io.continuity.events.OverrideApplied;
import io.continuity.events.OverrideRequested;
import io.continuity.events.PlanDefinition;
import io.continuity.events.PlanEvent;
import io.continuity.events.RejectedEventException;
import io.continuity.events.ScheduleDecided;
import io.continuity.override.OverrideRequests;
import io.continuity.plan.AssignmentProjection;
import io.continuity.plan.ContentRules;
import io.continuity.plan.PlanProjection;
import io.continuity.resolver.core.ContentType;

/**
 * The checks the appliers run on a decoded event before they touch any stored state (grid rules, cron and dates,
 * rules, playback rules, content references, override shape, virtual asset shape), so a contract test can run them
 * without a database. Where an applier keeps such a check private it is called reflectively, so the test exercises
 * the real code rather than a copy of it.
 */
final class ContractChecks {

    private ContractChecks() {
    }

    /** Throws the {@link RejectedEventException} the applier would throw for a payload that can never be applied. */
    static void beforeProjection(ContinuityEvent event) {
        switch (event) {
            case CatalogEvent e -> CatalogProjection.validate(e);
            case ChannelConfigured e -> {
                invoke(ChannelProjection.class, "validateGrid", new Class<?>[] {int.class, List.class, String.class},
                        e.gridBlockMinutes(), e.blockStartOffsetsMinutes(), e.programmingDayStart());
                ContentRules.validate(e.fillerRule(), "filler_rule");
            }
            case PlanDefinition e -> invoke(PlanProjection.class, "validate", new Class<?>[] {PlanDefinition.class}, e);
            case AssignmentDefinition e -> {
                if (e.playbackRules() != null) {
                    ContentRules.validatePlayback(e.playbackRules());
                }
                invoke(AssignmentProjection.class, "contentReference", new Class<?>[] {ContentType.class, JsonNode.class},
                        e.contentType(), e.contentReference());
            }
            case OverrideRequested e -> OverrideRequests.validateShape(e);
            default -> { }
        }
    }

    /** The Kafka key an event must carry: its channel, or for catalog events its asset or virtual asset. */
    static String expectedKey(ContinuityEvent event) {
        return switch (event) {
            case CatalogEvent e -> e.aggregateId().toString();
            case PlanEvent e -> e.channelId().toString();
            case OverrideRequested e -> e.channelId().toString();
            case AsRunRecorded e -> e.channelId().toString();
            case DayPublished e -> e.channelId().toString();
            case OverrideApplied e -> e.channelId().toString();
            case AlertRaised e -> e.channelId().toString();
            case ScheduleDecided e -> e.channelId().toString();
        };
    }

    private static void invoke(Class<?> owner, String name, Class<?>[] parameters, Object... arguments) {
        try {
            Method method = owner.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the pre-projection check " + owner.getSimpleName() + "." + name
                    + " moved; point the contract test at its new place", e);
        }
    }
}
