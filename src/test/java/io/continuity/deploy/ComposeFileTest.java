package io.continuity.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** docker-compose.yml starts what the service expects, configured with names the service actually reads. */
class ComposeFileTest {

    private static final Pattern TOPIC_LOOP = Pattern.compile("for topic in ([^;]+);");

    private static JsonNode compose;
    private static final ServiceConfigNames NAMES = ServiceConfigNames.load();
    private static final ServiceTopics TOPICS = new ServiceTopics();

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
    }

    @Test
    void everyEnvironmentVariableOfTheServiceSetsARealProperty() {
        List<String> variables = new ArrayList<>();
        service().path("environment").fieldNames().forEachRemaining(variables::add);
        assertThat(variables).contains("CONTINUITY_DB_URL", "CONTINUITY_KAFKA_BOOTSTRAP");
        assertThat(NAMES.unknown(variables)).isEmpty();
    }

    @Test
    void theCheckerRefusesMisspeltAndBuildTimeNames() {
        assertThat(NAMES.unknown(List.of(
                "QUARKUS_LOG_CONSOLE_JSON_ENABLE",      // typo of a Quarkus run-time property
                "CONTINUITY_HORIZON_DAY",               // typo of a ContinuityConfig key
                "CONTINUITY_OUTBOX_BATCHSIZE",          // kebab-case lost
                "KAFKA_SASL_MECHANISMS",                // not a Kafka client setting
                "QUARKUS_DATASOURCE_DB_KIND",           // build time: ignored by a built image
                "MP_JWT_VERIFY_ISSUERS")))
                .containsExactly("QUARKUS_LOG_CONSOLE_JSON_ENABLE", "CONTINUITY_HORIZON_DAY", "CONTINUITY_OUTBOX_BATCHSIZE",
                        "KAFKA_SASL_MECHANISMS", "QUARKUS_DATASOURCE_DB_KIND", "MP_JWT_VERIFY_ISSUERS");
        assertThat(NAMES.propertyOf("QUARKUS_LOG_CONSOLE_JSON_ENABLED")).contains("quarkus.log.console.json.enabled");
        assertThat(NAMES.propertyOf("CONTINUITY_OUTBOX_BATCH_SIZE")).contains("continuity.outbox.batch-size");
        assertThat(NAMES.propertyOf("KAFKA_SASL_MECHANISM")).contains("kafka.sasl.mechanism");
        assertThat(NAMES.propertyOf("QUARKUS_LOG_CATEGORY__ORG_HIBERNATE__LEVEL")).contains("quarkus.log.category.\"categories\".level");
        assertThat(NAMES.propertyOf("MP_MESSAGING_INCOMING_PLAN_EVENTS_MAX_POLL_RECORDS"))
                .contains("mp.messaging.incoming.plan-events.max.poll.records");
        assertThat(NAMES.propertyOf("MP_JWT_VERIFY_PUBLICKEY_LOCATION")).contains("mp.jwt.verify.publickey.location");
    }

    @Test
    void kafkaInitCreatesExactlyTheServiceTopicsWithTheInputsKeptForever() {
        String script = compose.path("services").path("kafka-init").path("command").get(0).asText();
        Set<String> created = new TreeSet<>();
        Set<String> keptForever = new TreeSet<>();
        Matcher loop = TOPIC_LOOP.matcher(script);
        while (loop.find()) {
            List<String> topics = List.of(loop.group(1).trim().split("\\s+"));
            created.addAll(topics);
            String body = script.substring(loop.end(), script.indexOf("done", loop.end()));
            if (body.contains("retention.ms=-1")) {
                keptForever.addAll(topics);
            }
        }
        assertThat(created).isEqualTo(TOPICS.all());
        assertThat(keptForever).isEqualTo(TOPICS.inputs());
        assertThat(compose.path("services").path("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    }

    @Test
    void kafkaRunsInKraftModeAndTheServiceUsesItsInternalListener() {
        JsonNode kafka = compose.path("services").path("kafka").path("environment");
        assertThat(kafka.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.has("KAFKA_ZOOKEEPER_CONNECT")).isFalse();
        assertThat(kafka.path("KAFKA_ADVERTISED_LISTENERS").asText())
                .contains("://" + service().path("environment").path("CONTINUITY_KAFKA_BOOTSTRAP").asText());
    }

    @Test
    void theServiceStartsAfterHealthyInfrastructureAndPublishesItsHttpPort() {
        JsonNode postgres = compose.path("services").path("postgres");
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
        JsonNode dependsOn = service().path("depends_on");
        assertThat(dependsOn.path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(dependsOn.path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(dependsOn.path("kafka-init").path("condition").asText()).isEqualTo("service_completed_successfully");
        assertThat(service().path("environment").path("CONTINUITY_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");

        int httpPort = Integer.parseInt(TOPICS.property("quarkus.http.port") == null ? "8080" : TOPICS.property("quarkus.http.port"));
        assertThat(service().path("ports").get(0).asText()).endsWith(":" + httpPort);
        assertThat(service().path("healthcheck").path("test").toString()).contains("/dev/tcp/127.0.0.1/" + httpPort, "GET /q/health/ready");
    }

    @Test
    void theServiceRunsAsNonRootOnAReadOnlyFilesystemWithAWritableTmp() {
        assertThat(service().path("user").asText()).isNotIn("", "0", "root");
        assertThat(service().path("read_only").asBoolean()).isTrue();
        assertThat(service().path("tmpfs").get(0).asText()).startsWith("/tmp:");
    }

    @Test
    void playoutRunsTheSameImageInPlayoutModeWithTheMediaLibraryReadOnlyAndItsHlsPortPublished() {
        JsonNode playout = compose.path("services").path("playout");
        assertThat(playout.path("image").asText()).isEqualTo(service().path("image").asText());
        List<String> variables = new ArrayList<>();
        playout.path("environment").fieldNames().forEachRemaining(variables::add);
        assertThat(NAMES.unknown(variables)).isEmpty();
        assertThat(playout.path("environment").path("QUARKUS_PROFILE").asText()).isEqualTo("playout");
        assertThat(playout.path("ports").get(0).asText()).isEqualTo("8090:8090");
        assertThat(playout.path("volumes").get(0).asText()).endsWith(":/media:ro");
        assertThat(playout.path("user").asText()).isNotIn("", "0", "root");
        assertThat(playout.path("read_only").asBoolean()).isTrue();
        assertThat(service().path("environment").path("CONTINUITY_IPTV_STREAM_BASE_URL").asText()).isEqualTo("http://localhost:8090");
    }

    private static JsonNode service() {
        return compose.path("services").path("continuity");
    }
}
