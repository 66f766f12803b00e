package io.continuity.asrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.continuity.asrun.AsRunScenario.Event;
import io.continuity.events.AssignmentAdded;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Db;
import io.continuity.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Rotation counts what aired: an asset a ChannelManager reports as aired is "recently played" for the next resolution. */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class AsRunRotationTest {

    private static KafkaTestClient kafka;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ContinuityTestResources.infrastructure().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void anAssetAiredInPlaceOfThePlanIsNotPickedAgainWhileAvoidRepeatsHoldsIt() {
        Db db = new Db(dataSource);
        AsRunScenario channel = new AsRunScenario(kafka, db);
        channel.promos(5, Duration.ofMinutes(2));
        channel.movies("default", 3, Duration.ofMinutes(30));
        List<UUID> candidates = channel.movies("evening", 8, Duration.ofMinutes(50));
        AssignmentAdded evening = channel.movieAssignment("12:00", 60, "evening", Map.of("avoid_repeats", true));
        channel.configure("default", evening);

        Map<LocalDate, UUID> planned = awaitEveningPicks(channel, evening.assignmentId(), picks -> true);
        UUID tomorrows = planned.get(AsRunScenario.TODAY.plusDays(1));
        Event firstOfToday = channel.awaitDay(AsRunScenario.TODAY).get(0);
        channel.send(channel.asRun(firstOfToday.uuid(), tomorrows, firstOfToday.start(), firstOfToday.start().plus(Duration.ofMinutes(50)),
                "SUBSTITUTED", "evening movie brought forward"));

        Map<LocalDate, UUID> replanned = awaitEveningPicks(channel, evening.assignmentId(), picks -> !picks.containsValue(tomorrows));
        assertThat(replanned.values()).doesNotContain(tomorrows).doesNotHaveDuplicates().allMatch(candidates::contains);
        assertThat(db.value("SELECT outcome FROM reconciliation_result WHERE playlog_event_uuid = ?", firstOfToday.uuid()))
                .isEqualTo("SUBSTITUTED");
    }

    /** The movie the evening assignment plays on each of the five resolved days, once {@code done} holds for them. */
    private static Map<LocalDate, UUID> awaitEveningPicks(AsRunScenario channel, UUID assignment, Predicate<Map<LocalDate, UUID>> done) {
        Map<LocalDate, UUID> picks = new TreeMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            picks.clear();
            for (int d = 0; d <= 4; d++) {
                LocalDate day = AsRunScenario.TODAY.plusDays(d);
                List<Event> programs = channel.events(day).stream().filter(e -> assignment.equals(e.assignment()) && "program".equals(e.kind()))
                        .toList();
                if (programs.size() == 1) {
                    picks.put(day, programs.get(0).asset());
                }
            }
            return picks.size() == 5 && done.test(picks);
        });
        return picks;
    }
}
