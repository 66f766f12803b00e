package io.continuity.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.continuity.events.CloudEventCodec;
import io.continuity.events.ContinuityEvent;
import io.continuity.events.Envelope;
import io.continuity.events.EventType;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.Topic;
import io.continuity.events.WireEnums;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.OverrideAction;
import jakarta.validation.Validation;

/**
 * {@code docs/asyncapi.yaml} is the contract: every example in it decodes with {@link CloudEventCodec} and passes the
 * checks the appliers make before projecting ({@link ContractChecks}), and stays accepted with any one field the
 * document calls optional removed (or any optional header). Dead-letter examples whose reason the codec decides are
 * rejected with exactly the documented reason and field. Plain JUnit: no Quarkus, Kafka or database.
 */
class AsyncApiContractTest {

    /** Override fields the document says an action uses (OverrideRequestedPayload's description). */
    private static final Map<String, Set<String>> OVERRIDE_FIELDS_BY_ACTION = Map.of(
            "REPLACE", Set.of("target_event_uuid", "asset_uuid"),
            "INSERT", Set.of("asset_uuid", "start_utc"),
            "RETIME", Set.of("target_event_uuid", "start_utc"),
            "CANCEL", Set.of("target_event_uuid"));

    private static final Set<String> CODEC_REASONS = Set.of("envelope_missing_header", "envelope_bad_specversion",
            "unknown_type", "unsupported_version", "malformed_json", "not_an_object", "missing_field", "wrong_type",
            "payload_too_large");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AsyncApiDocument document;
    private static CloudEventCodec codec;

    @BeforeAll
    static void readTheContract() throws IOException {
        document = AsyncApiDocument.read();
        codec = new CloudEventCodec(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    }

    @Test
    void everyEventTypeHasAnExample() {
        List<String> documented = document.examples().stream().map(AsyncApiDocument.Example::ceTypeOrTopic).toList();

        assertThat(documented).containsAll(Arrays.stream(EventType.values()).map(EventType::ceType).toList());
    }

    @Test
    void everyEnumOfTheRecordsTravelsUnderTheDocumentedNames() {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        fields.put("/components/schemas/AssignmentPayload/properties/content_type", ContentType.class);
        fields.put("/components/schemas/AssignmentPayload/properties/episode_policy", EpisodePolicy.class);
        fields.put("/components/schemas/AssetUpsertedPayload/properties/kind", AssetKind.class);
        fields.put("/components/schemas/PlaylogEvent/properties/kind", EventKind.class);
        fields.put("/components/schemas/OverrideRequestedPayload/properties/action", OverrideAction.class);
        fields.put("/components/schemas/OverrideRequestedPayload/properties/resume", OverrideAction.Resume.class);
        fields.put("/components/schemas/OverrideAppliedPayload/properties/action", OverrideAction.class);

        fields.forEach((pointer, type) -> assertThat(WireEnums.names(type)).as(pointer).isNotEmpty()
                .containsExactlyElementsOf(document.enumAt(pointer)));
        assertThat(document.enumAt("/components/schemas/DefaultProgramming/properties/content_type"))
                .as("default programming names a subset of the content types").isSubsetOf(WireEnums.names(ContentType.class));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsAccepted() {
        return events().map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
            ContinuityEvent event = accept(example, example.headers(), example.payload());

            assertThat(ContractChecks.expectedKey(event)).as("Kafka key of %s", example).isEqualTo(example.key());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleWithoutAnOptionalFieldIsStillAccepted() {
        return events().flatMap(example -> document.optionalFields(example).stream()
                .map(field -> DynamicTest.dynamicTest(example + " without " + field.path(), () -> {
                    if (requiredByOverrideAction(example, field.path())) {
                        assertThatThrownBy(() -> accept(example, example.headers(), field.payloadWithout()))
                                .isInstanceOfSatisfying(RejectedEventException.class,
                                        e -> assertThat(e.rejection().code()).isEqualTo(ReasonCode.MISSING_FIELD));
                    } else {
                        accept(example, example.headers(), field.payloadWithout());
                    }
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleWithoutAnOptionalHeaderIsStillAccepted() {
        return events().flatMap(example -> document.optionalHeaders().stream().filter(example.headers()::containsKey)
                .map(header -> DynamicTest.dynamicTest(example + " without header " + header, () -> {
                    Map<String, String> headers = new LinkedHashMap<>(example.headers());
                    headers.remove(header);
                    accept(example, headers, example.payload());
                })));
    }

    @TestFactory
    Stream<DynamicTest> deadLetterExamplesTheCodecDecidesCarryTheCodecsReason() {
        return document.examples().stream().filter(example -> example.headers().containsKey("dlq-reason"))
                .filter(example -> CODEC_REASONS.contains(example.headers().get("dlq-reason")))
                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
                    Topic topic = Topic.byName(example.headers().get("dlq-original-topic"));

                    assertThatThrownBy(() -> codec.decode(topic, ContinuityEvent.class, example.headers(), example.payloadBytes()))
                            .isInstanceOfSatisfying(RejectedEventException.class, e -> {
                                assertThat(e.rejection().code().code()).isEqualTo(example.headers().get("dlq-reason"));
                                assertThat(e.rejection().field()).isEqualTo(example.headers().get("dlq-reason-field"));
                            });
                }));
    }

    private static Stream<AsyncApiDocument.Example> events() {
        List<AsyncApiDocument.Example> examples = document.examples().stream()
                .filter(example -> EventType.byCeType(example.ceTypeOrTopic()).isPresent()).toList();
        assertThat(examples).isNotEmpty();
        return examples.stream();
    }

    private static ContinuityEvent accept(AsyncApiDocument.Example example, Map<String, String> headers, JsonNode payload)
            throws IOException {
        EventType type = EventType.byCeType(example.ceTypeOrTopic()).orElseThrow();
        Envelope<ContinuityEvent> envelope = codec.decode(type.topic(), ContinuityEvent.class, headers,
                JSON.writeValueAsBytes(payload));
        assertThat(envelope.type()).isEqualTo(type);
        ContractChecks.beforeProjection(envelope.event());
        return envelope.event();
    }

    private static boolean requiredByOverrideAction(AsyncApiDocument.Example example, String path) {
        if (!EventType.OVERRIDE_REQUESTED.ceType().equals(example.ceTypeOrTopic())) {
            return false;
        }
        Set<String> used = OVERRIDE_FIELDS_BY_ACTION.getOrDefault(example.payload().path("action").asText(), Set.of());
        return used.contains(path.substring(1));
    }
}
