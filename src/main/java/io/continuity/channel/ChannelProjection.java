package io.continuity.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.continuity.common.Versions;
import io.continuity.events.ChannelConfigured;
import io.continuity.events.ChannelRetired;
import io.continuity.events.EventJson;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.ScheduleTimes;
import io.continuity.inputs.ChannelEntity;
import io.continuity.inputs.SchedulePlanBlockAssignmentEntity;
import io.continuity.inputs.SchedulePlanEntity;
import io.continuity.plan.ContentRules;
import io.continuity.resolver.core.ContentType;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies channel events: validates the grid rules of DESIGN.md §2 "Channel", then writes the channel row. */
@ApplicationScoped
public class ChannelProjection {

    public void configure(ChannelConfigured event, Instant at) {
        ChannelEntity channel = ChannelEntity.findById(event.channelId());
        Versions.check(event.expectedVersion(), channel == null ? 0 : channel.version, "channel " + event.channelId());
        validateGrid(event.gridBlockMinutes(), event.blockStartOffsetsMinutes(), event.programmingDayStart());
        ContentRules.validate(event.fillerRule(), "filler_rule");
        validateDefaultProgramming(event.defaultProgramming());
        validateTimeShift(event);
        ChannelEntity sameSlug = ChannelEntity.bySlug(event.slug());
        if (sameSlug != null && !sameSlug.id.equals(event.channelId())) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "slug", "'" + event.slug() + "' is already used by channel " + sameSlug.id);
        }
        if (channel != null) {
            checkAssignmentsStillFit(event);
        } else {
            channel = new ChannelEntity();
            channel.id = event.channelId();
            channel.createdAt = at;
        }
        channel.slug = event.slug();
        channel.title = event.title();
        channel.timezone = event.timezone();
        channel.gridBlockMinutes = event.gridBlockMinutes();
        channel.blockStartOffsetsMinutes = List.copyOf(event.blockStartOffsetsMinutes());
        channel.programmingDayStart = event.programmingDayStart();
        channel.fillerRule = json(event.fillerRule());
        channel.defaultProgramming = event.defaultProgramming() == null ? null : json(event.defaultProgramming());
        channel.timeShiftSourceId = event.timeShift() == null ? null : event.timeShift().sourceChannelId();
        channel.timeShiftMinutes = event.timeShift() == null ? null : event.timeShift().offsetMinutes();
        channel.retired = false;
        channel.version++;
        channel.updatedAt = at;
        channel.persist();
    }

    public void retire(ChannelRetired event, Instant at) {
        ChannelEntity channel = existing(event.channelId());
        Versions.check(event.expectedVersion(), channel.version, "channel " + channel.id);
        channel.retired = true;
        channel.version++;
        channel.updatedAt = at;
    }

    /**
     * What a time-shifted channel can be told from its own partition of the log: it is not a copy of itself and has no
     * active plans. Whether its source is a live channel with plans of its own is not checked here: the source's events
     * are on another partition and may be projected later, so such a check would make the outcome depend on arrival
     * order. A copy of a source that is missing, retired or itself a copy airs slate, with a warning, until that changes
     * ({@code TimeShiftedChannels}).
     */
    private static void validateTimeShift(ChannelConfigured event) {
        ChannelConfigured.TimeShift shift = event.timeShift();
        if (shift == null) {
            return;
        }
        if (shift.sourceChannelId().equals(event.channelId())) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "time_shift.source_channel_id", "a channel cannot be a time-shifted copy of itself");
        }
        long plans = SchedulePlanEntity.ofChannel(event.channelId()).stream().filter(p -> p.active).count();
        if (plans > 0) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "time_shift", "the channel has " + plans
                    + " active plans; a time-shifted channel takes no plans of its own (retire them first)");
        }
    }

    /** The channel, or a rejection naming {@code channel_id}. */
    public static ChannelEntity existing(UUID channelId) {
        ChannelEntity channel = ChannelEntity.findById(channelId);
        if (channel == null) {
            throw new RejectedEventException(ReasonCode.UNKNOWN_REFERENCE, "channel_id", "no channel " + channelId);
        }
        return channel;
    }

    /** A rule as default programming is checked like any rule: a bad key would otherwise fail every resolution. */
    @SuppressWarnings("unchecked")
    static void validateDefaultProgramming(ChannelConfigured.DefaultProgramming programming) {
        if (programming == null || programming.contentType() != ContentType.RULE) {
            return;
        }
        if (!(programming.contentReference() instanceof java.util.Map<?, ?> rule)) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "default_programming.content_reference", "must be a rule object");
        }
        ContentRules.validate((java.util.Map<String, Object>) rule, "default_programming.content_reference");
    }

    static void validateGrid(int grid, List<Integer> offsets, String dayStart) {
        if (grid != 15 && grid != 30 && grid != 60) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "grid_block_minutes", "must be 15, 30 or 60, was " + grid);
        }
        List<Integer> sorted = new ArrayList<>(offsets);
        sorted.sort(null);
        if (!sorted.equals(offsets) || sorted.stream().distinct().count() != sorted.size()) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "block_start_offsets_minutes", "must be sorted and unique");
        }
        for (int i = 0; i < sorted.size(); i++) {
            int gap = i + 1 < sorted.size() ? sorted.get(i + 1) - sorted.get(i) : sorted.get(0) + 60 - sorted.get(i);
            if (gap % grid != 0) {
                throw new RejectedEventException(ReasonCode.INVALID_VALUE, "block_start_offsets_minutes",
                        "consecutive offsets must be a multiple of the " + grid + "-minute grid apart (" + sorted + ")");
            }
        }
        if ("24:00".equals(dayStart)) {
            throw new RejectedEventException(ReasonCode.INVALID_TIME, "programming_day_start", "must be between 00:00 and 23:59");
        }
        if (!offsets.contains(ScheduleTimes.minutes(dayStart) % 60)) {
            throw new RejectedEventException(ReasonCode.OFF_GRID_START, "programming_day_start",
                    "minute " + dayStart.substring(3) + " is not one of the block start offsets " + offsets);
        }
    }

    /** A reconfigured grid must still accept every assignment the channel has. */
    private static void checkAssignmentsStillFit(ChannelConfigured event) {
        int dayStart = ScheduleTimes.minutes(event.programmingDayStart());
        for (SchedulePlanBlockAssignmentEntity a : SchedulePlanBlockAssignmentEntity.ofChannel(event.channelId())) {
            if (!GridRules.onOffset(dayStart, a.startMinute, event.blockStartOffsetsMinutes())
                    || a.duration % event.gridBlockMinutes() != 0) {
                throw new RejectedEventException(ReasonCode.OFF_GRID_START, "block_start_offsets_minutes",
                        "assignment " + a.id + " (" + a.startTime + ", " + a.duration + " min) would no longer fit the new grid");
            }
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
