package io.continuity.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.continuity.resolver.core.ContentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code continuity.channel.configured.v1}: a channel was created or reconfigured (full state). */
public record ChannelConfigured(
        @NotNull UUID channelId,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be kebab-case") String slug,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @IanaZone String timezone,
        @NotNull Integer gridBlockMinutes,
        @NotEmpty @Size(max = 60) List<@NotNull @Min(0) @Max(59) Integer> blockStartOffsetsMinutes,
        @NotNull @ScheduleTime String programmingDayStart,
        @NotNull Map<String, Object> fillerRule,
        @Valid DefaultProgramming defaultProgramming,
        Long expectedVersion,
        @Valid TimeShift timeShift) implements PlanEvent {

    /** A channel without a time shift (its own plans). */
    public ChannelConfigured(UUID channelId, String slug, String title, String timezone, Integer gridBlockMinutes,
            List<Integer> blockStartOffsetsMinutes, String programmingDayStart, Map<String, Object> fillerRule,
            DefaultProgramming defaultProgramming, Long expectedVersion) {
        this(channelId, slug, title, timezone, gridBlockMinutes, blockStartOffsetsMinutes, programmingDayStart, fillerRule, defaultProgramming,
                expectedVersion, null);
    }

    /**
     * Optional: the channel is a time-shifted copy ("+1") of {@code source_channel_id}, airing its events
     * {@code offset_minutes} later; it takes no plans and no overrides of its own and follows the source's.
     */
    public record TimeShift(@NotNull UUID sourceChannelId, @NotNull @Min(1) @Max(1440) Integer offsetMinutes) {
    }

    /** What airs when nothing else can: an asset or a rule. */
    public record DefaultProgramming(
            @NotNull @AllowedContentTypes(value = {ContentType.ASSET, ContentType.RULE, ContentType.VIRTUAL_PACKAGE},
                    message = "must be asset, rule or virtual_package") ContentType contentType,
            @NotNull Object contentReference) {
    }
}
