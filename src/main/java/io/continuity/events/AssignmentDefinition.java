package io.continuity.events;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;

/** The full state of a block assignment, as carried by {@link AssignmentAdded} and {@link AssignmentUpdated}. */
public interface AssignmentDefinition {
    UUID assignmentId();

    UUID planId();

    UUID channelId();

    String startTime();

    Integer duration();

    ContentType contentType();

    JsonNode contentReference();

    UUID labelId();

    EpisodePolicy episodePolicy();

    Map<String, Object> playbackRules();

    String operatorIntent();
}
