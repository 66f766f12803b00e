package io.continuity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.events.EventJson;

/** Read models show stored JSON columns (rules, playback rules) as JSON, not as strings holding JSON. */
public final class JsonViews {

    private JsonViews() {
    }

    public static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
