package io.continuity.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.NotNull;

/**
 * {@code continuity.schedule.decided.v1}: a decision that made new ScheduleDay versions (or decided what becomes of an
 * override command), with what a replay needs to make it again: the decision time ("now": the lock window and the horizon), the inputs it saw (the next offset of each
 * input partition applied when it decided), the days it was asked to resolve and why, and the programmes reconciliation
 * had judged not to have aired. A rebuild replays these instead of deciding again on its own clock (docs/decisions.md 15).
 */
public record ScheduleDecided(
        @NotNull UUID decisionId,
        @NotNull UUID channelId,
        @NotNull Kind kind,
        @NotNull Instant decidedAt,
        UUID overrideId,
        String commandId,
        String commandPosition,
        Outcome outcome,
        Rejection rejection,
        List<LocalDate> days,
        List<String> causes,
        Map<String, Map<Integer, Long>> inputs,
        List<UUID> notAired) implements ScheduleDecision {

    /** What was decided: a resolution of the channel's horizon, or an override applied on its own. */
    public enum Kind {
        @JsonProperty("resolution")
        RESOLUTION,
        @JsonProperty("override")
        OVERRIDE
    }

    /** What became of an override command: applied, kept until its channel is resolved, or rejected (with why). */
    public enum Outcome {
        @JsonProperty("applied")
        APPLIED,
        @JsonProperty("kept")
        KEPT,
        @JsonProperty("rejected")
        REJECTED
    }

    public ScheduleDecided {
        days = days == null ? null : List.copyOf(days);
        causes = causes == null ? List.of() : List.copyOf(causes);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        notAired = notAired == null ? List.of() : List.copyOf(notAired);
    }
}
