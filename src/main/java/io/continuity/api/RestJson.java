package io.continuity.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.continuity.events.WireEnums;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives Quarkus' own mapper, which reads and writes the REST bodies that are not contract records (the override
 * request, views), the wire names of the core's enums: an action is {@code INSERT}, a content type {@code "series"},
 * over REST as on Kafka. Like the wire mapper it refuses an enum given as a number. Command bodies themselves are read
 * by the wire mapper ({@link CommandBody}).
 */
@Singleton
public class RestJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(WireEnums.module());
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
