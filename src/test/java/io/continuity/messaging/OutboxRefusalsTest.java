package io.continuity.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.continuity.messaging.OutboxRefusals.Outcome;

/**
 * Which failures park an outbox record: only a refusal of the record itself, and never on the decision log; a broker that is
 * away, slow or electing a leader, and an ACL not granted yet, are retried in place.
 */
class OutboxRefusalsTest {

    static Stream<Throwable> passing() {
        return Stream.of(new TimeoutException("Expiring 3 record(s): 120000 ms has passed since batch creation"),
                new NetworkException("disconnected"), new NotEnoughReplicasException("1 < 2"), new NotLeaderOrFollowerException("moved"),
                new UnknownTopicOrPartitionException("not yet"), new TopicAuthorizationException("no ACL"),
                new KafkaException("producer closed"), new IllegalStateException(new ConnectException("refused")));
    }

    @ParameterizedTest
    @MethodSource("passing")
    void whatKafkaMayTakeLaterIsRetriedInPlace(Throwable failure) {
        assertThat(OutboxRefusals.of("continuity.playlog", failure)).isEqualTo(Outcome.RETRY);
        assertThat(OutboxRefusals.of("continuity.playlog", new ExecutionException(failure))).isEqualTo(Outcome.RETRY);
    }

    static Stream<Throwable> forGood() {
        return Stream.of(new RecordTooLargeException("The request included a message larger than the max message size the server will accept."),
                new RecordBatchTooLargeException("batch"), new InvalidRecordException("null key on a compacted topic"));
    }

    @ParameterizedTest
    @MethodSource("forGood")
    void aRecordRefusedForGoodIsParkedAndHeldOnTheDecisionLog(Throwable failure) {
        assertThat(OutboxRefusals.of("continuity.playlog", new ExecutionException(failure))).isEqualTo(Outcome.PARK);
        assertThat(OutboxRefusals.of("continuity.playlog.dlq", failure)).isEqualTo(Outcome.PARK);
        assertThat(OutboxRefusals.of("continuity.schedule-decisions", failure)).isEqualTo(Outcome.HOLD);
        assertThat(OutboxRefusals.refusal(new ExecutionException(failure))).isSameAs(failure);
    }

    @Test
    void theSubjectIsReadFromTheTopLevelOfTheRecordOnly() {
        String day = "{\"channel_id\": \"3f0c6a8e-7d4b-4c7e-9a51-2b8f1d6e0c11\", \"events\": [{\"version\": 9, \"broadcast_day\": \"x\"}],"
                + " \"broadcast_day\": \"2026-11-24\", \"version\": 3, \"replaces_from_utc\": null}";
        Map<String, Object> subject = OutboxRecordRefused.subjectOf(day.getBytes(StandardCharsets.UTF_8));

        assertThat(subject).containsExactlyInAnyOrderEntriesOf(Map.of("channel_id", "3f0c6a8e-7d4b-4c7e-9a51-2b8f1d6e0c11",
                "broadcast_day", "2026-11-24", "version", 3));
        assertThat(OutboxRecordRefused.subjectOf("not json at all".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(OutboxRecordRefused.subjectOf("[1, 2]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(OutboxRecordRefused.subjectOf(null)).isEmpty();
    }
}
