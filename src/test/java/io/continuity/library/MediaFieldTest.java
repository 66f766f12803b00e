package io.continuity.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.continuity.events.AssetUpserted;
import io.continuity.events.CatalogEvent;
import io.continuity.events.CloudEventCodec;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.Topic;
import jakarta.validation.Validation;

/** The optional {@code media} object of {@code asset.upserted.v1} as the ingest decodes it: accepted, or rejected naming its field. */
class MediaFieldTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static final String ASSET = """
            {"asset_uuid":"4239f723-7ffc-4d2e-a23c-0b1432d31923","title":"Pilot","kind":"episode","duration_ms":1360000,
             "state":"ready","approved_for_broadcast":true%s}""";

    private static AssetUpserted decode(String media) {
        byte[] value = ASSET.formatted(media == null ? "" : ",\"media\":" + media).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = CloudEventCodec.ceHeaders("continuity.asset.upserted.v1", "e3dd5264-ac1c-4570-9bbd-eec151f1800c",
                java.time.Instant.parse("2026-12-07T10:00:00Z"), "/test");
        return (AssetUpserted) CODEC.decode(Topic.CATALOG_EVENTS, CatalogEvent.class, headers, value).event();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///srv/media/Cheers/Season%2006/Cheers%20-%20S06E12.mkv", "file://localhost/srv/a.mkv",
        "https://media.example/cheers/s06e12.mp4", "http://10.0.0.5:8080/a.ts"})
    void acceptsAbsoluteFileAndHttpUris(String uri) {
        AssetUpserted event = decode("""
                {"uri":"%s","size_bytes":123456,"fingerprint":"v1:123456:ab","container":"matroska,webm","video_codec":"h264",
                 "audio_codec":"aac","width":1920,"height":1080,"frame_rate":"30000/1001","audio_channels":6}""".formatted(uri));

        assertThat(event.media().uri()).isEqualTo(uri);
        assertThat(event.media().frameRate()).isEqualTo("30000/1001");
        assertThat(event.media().audioChannels()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"uri\":\"file:///a.mkv\"}", "null"})
    void onlyTheUriIsRequiredAndTheWholeObjectIsOptional(String media) {
        assertThat(decode(media).durationMs()).isEqualTo(1_360_000L);
        assertThat(decode(null).media()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"uri":"relative/path.mkv"}                      | INVALID_VALUE | media.uri
            {"uri":"/srv/media/a.mkv"}                       | INVALID_VALUE | media.uri
            {"uri":"file:relative.mkv"}                      | INVALID_VALUE | media.uri
            {"uri":"file://nas/share/a.mkv"}                 | INVALID_VALUE | media.uri
            {"uri":"ftp://host/a.mkv"}                       | INVALID_VALUE | media.uri
            {"uri":"file:///a b.mkv"}                        | INVALID_VALUE | media.uri
            {"uri":""}                                       | INVALID_VALUE | media.uri
            {"size_bytes":1}                                 | MISSING_FIELD | media.uri
            {"uri":"file:///a.mkv","frame_rate":"25"}        | INVALID_VALUE | media.frame_rate
            {"uri":"file:///a.mkv","width":0}                | INVALID_VALUE | media.width
            {"uri":"file:///a.mkv","size_bytes":-1}          | INVALID_VALUE | media.size_bytes
            "file:///a.mkv"                                  | WRONG_TYPE    | media
            """)
    void rejectsABadMediaObjectNamingTheField(String media, ReasonCode code, String field) {
        assertThatThrownBy(() -> decode(media)).isInstanceOfSatisfying(RejectedEventException.class, e -> {
            assertThat(e.rejection().code()).isEqualTo(code);
            assertThat(e.rejection().field()).isEqualTo(field);
        });
    }
}
