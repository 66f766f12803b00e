package io.continuity.events;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** {@code continuity.channel.retired.v1}: the channel stops being scheduled; its history is kept. */
public record ChannelRetired(@NotNull UUID channelId, Long expectedVersion) implements PlanEvent {
}
