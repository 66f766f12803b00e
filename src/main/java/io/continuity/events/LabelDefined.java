package io.continuity.events;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code continuity.label.defined.v1}: a SchedulePlanLabel for grouping assignments (no scheduling effect). */
public record LabelDefined(
        @NotNull UUID labelId,
        @NotNull UUID channelId,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1f77b4") String color,
        Long expectedVersion) implements PlanEvent {
}
