package io.continuity.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.continuity.events.Topic;

/** The topics and consumer group the service uses, as its code and application.properties say. */
final class ServiceTopics {

    private final Properties properties = new Properties();

    ServiceTopics() {
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topics the consumers read: {@code mp.messaging.incoming.*.topic}. */
    Set<String> inputs() {
        return properties.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic"))
                .map(properties::getProperty).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The dead-letter topic of every input. */
    Set<String> deadLetters() {
        return inputs().stream().map(t -> Topic.byName(t).deadLetterTopic()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every topic of the contract plus the dead-letter topics. */
    Set<String> all() {
        Set<String> all = Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toCollection(TreeSet::new));
        all.addAll(deadLetters());
        return all;
    }

    /** The consumer group every incoming channel joins (they all reference continuity.consumer-group). */
    String consumerGroup() {
        Set<String> groups = properties.stringPropertyNames().stream().filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".group.id"))
                .map(properties::getProperty).collect(Collectors.toSet());
        if (!groups.equals(Set.of("${continuity.consumer-group}"))) {
            throw new IllegalStateException("incoming channels do not share continuity.consumer-group: " + groups);
        }
        return properties.getProperty("continuity.consumer-group");
    }

    String property(String key) {
        return properties.getProperty(key);
    }
}
