package io.continuity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.OverrideAction;
import io.continuity.testing.Fixtures;
import jakarta.validation.Validation;

/**
 * The core's enums on the wire: each constant is written and read under its documented name, and only that name; any
 * other value is refused naming the field and the names it accepts, as the {@code @Pattern}s of the string fields did.
 * Plain JUnit: no Quarkus, Kafka or database.
 */
class WireEnumsTest {

    private static final UUID CHANNEL = UUID.randomUUID();

    private final CloudEventCodec codec = new CloudEventCodec(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void everyConstantIsWrittenAndReadUnderItsWireName() throws JsonProcessingException {
        for (Class<? extends Enum<?>> type : WireEnums.TYPES) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String json = EventJson.mapper().writeValueAsString(constant);

                assertThat(json).as("%s.%s", type.getSimpleName(), constant).isEqualTo("\"" + WireEnums.name(constant) + "\"");
                assertThat(EventJson.mapper().readValue(json, type)).isEqualTo(constant);
            }
        }
    }

    @Test
    void theWireNamesAreTheContractsStrings() {
        assertThat(WireEnums.names(ContentType.class)).containsExactly("series", "asset", "rule", "random", "virtual_package");
        assertThat(WireEnums.names(EpisodePolicy.class))
                .containsExactly("sequential", "syndication", "random", "seasonal", "least-recently-used");
        assertThat(WireEnums.names(AssetKind.class)).containsExactly("episode", "movie", "filler", "bumper", "promo");
        assertThat(WireEnums.names(EventKind.class))
                .containsExactly("program", "filler", "bumper", "gap", "fallback", "override");
        assertThat(WireEnums.names(OverrideAction.class)).containsExactly("REPLACE", "INSERT", "RETIME", "CANCEL");
        assertThat(WireEnums.names(OverrideAction.Resume.class)).containsExactly("JOIN_IN_PROGRESS", "NEXT_EVENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"playlist", "SERIES", "Series", "virtual-package", ""})
    void aContentTypeOtherThanTheWireNamesIsRefusedWithTheNamesItAccepts(String value) {
        ObjectNode payload = assignment(m -> m.put("content_type", value));

        assertRejected(payload, AssignmentAdded.class, ReasonCode.INVALID_VALUE, "content_type",
                "must be one of series, asset, rule, random, virtual_package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lru", "least_recently_used", "LEAST_RECENTLY_USED"})
    void anEpisodePolicyTheCoreWouldParseLenientlyIsStillRefusedOnTheWire(String value) {
        ObjectNode payload = assignment(m -> m.put("episode_policy", value));

        assertRejected(payload, AssignmentAdded.class, ReasonCode.INVALID_VALUE, "episode_policy",
                "must be one of sequential, syndication, random, seasonal, least-recently-used");
    }

    @Test
    void interstitialIsARuleSynonymNotAnAssetKind() {
        ObjectNode payload = EventJson.mapper().valueToTree(with(Fixtures.asMap(Fixtures.filler(UUID.randomUUID(), 1000)),
                m -> m.put("kind", "interstitial")));

        assertRejected(payload, AssetUpserted.class, ReasonCode.INVALID_VALUE, "kind", "must be one of episode, movie, filler, bumper, promo");
    }

    @Test
    void anEnumGivenAsANumberIsRefusedNotReadAsAnOrdinal() {
        ObjectNode payload = assignment(m -> m.put("content_type", 1));

        assertRejected(payload, AssignmentAdded.class, ReasonCode.INVALID_VALUE, "content_type",
                "must be one of series, asset, rule, random, virtual_package");
    }

    @Test
    void anEnumGivenAsAnObjectIsTheWrongType() {
        ObjectNode payload = assignment(m -> m.put("content_type", Map.of("type", "series")));

        assertRejected(payload, AssignmentAdded.class, ReasonCode.WRONG_TYPE, "content_type", "must be a string");
    }

    @Test
    void aResumeModeOfTwoIsListedAsEitherOr() {
        ObjectNode payload = override(m -> m.put("resume", "join"));

        assertRejected(payload, OverrideRequested.class, ReasonCode.INVALID_VALUE, "resume", "must be JOIN_IN_PROGRESS or NEXT_EVENT");
    }

    @Test
    void anOverrideActionIsCaseSensitive() {
        ObjectNode payload = override(m -> m.put("action", "insert"));

        assertRejected(payload, OverrideRequested.class, ReasonCode.INVALID_VALUE, "action", "must be one of REPLACE, INSERT, RETIME, CANCEL");
    }

    @Test
    void defaultProgrammingNeverNamesASeries() {
        ObjectNode payload = EventJson.mapper().valueToTree(with(Fixtures.asMap(Fixtures.channel(CHANNEL)),
                m -> m.put("default_programming", Map.of("content_type", "series", "content_reference", "cheers"))));

        assertRejected(payload, ChannelConfigured.class, ReasonCode.INVALID_VALUE, "default_programming.content_type",
                "must be asset, rule or virtual_package");
    }

    @Test
    void anAcceptedOverrideCarriesTheEnumConstants() {
        OverrideRequested request = codec.readEvent(override(m -> m.put("resume", "JOIN_IN_PROGRESS")), OverrideRequested.class);

        assertThat(request.action()).isEqualTo(OverrideAction.INSERT);
        assertThat(request.resume()).isEqualTo(OverrideAction.Resume.JOIN_IN_PROGRESS);
    }

    private ObjectNode assignment(Consumer<Map<String, Object>> change) {
        return EventJson.mapper().valueToTree(with(Fixtures.asMap(Fixtures.assignment(UUID.randomUUID(), UUID.randomUUID(), CHANNEL,
                "14:00", 60)), change));
    }

    private static ObjectNode override(Consumer<Map<String, Object>> change) {
        OverrideRequested insert = new OverrideRequested(UUID.randomUUID(), CHANNEL, OverrideAction.INSERT, null, UUID.randomUUID(),
                Instant.parse("2026-11-23T15:05:00Z"), null, null, "breaking news", "newsdesk", null);
        return EventJson.mapper().valueToTree(with(Fixtures.asMap(insert), change));
    }

    private static Map<String, Object> with(Map<String, Object> payload, Consumer<Map<String, Object>> change) {
        change.accept(payload);
        return payload;
    }

    private void assertRejected(ObjectNode payload, Class<? extends ContinuityEvent> type, ReasonCode code, String field, String detail) {
        assertThatThrownBy(() -> codec.readEvent(payload, type)).isInstanceOfSatisfying(RejectedEventException.class,
                e -> assertThat(e.rejection()).isEqualTo(Rejection.of(code, field, detail)));
    }
}
