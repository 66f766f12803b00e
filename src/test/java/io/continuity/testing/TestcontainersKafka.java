package io.continuity.testing;

import org.testcontainers.kafka.KafkaContainer;

/** Kafka in a container, for machines with a Docker engine ({@code -Ptestcontainers}). Never used by default. */
final class TestcontainersKafka implements AutoCloseable {

    private static final String IMAGE = "apache/kafka:4.2.1";
    private final KafkaContainer container;

    private TestcontainersKafka(KafkaContainer container) {
        this.container = container;
    }

    static TestcontainersKafka start() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new TestcontainersKafka(container);
    }

    String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
