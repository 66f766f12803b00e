package io.continuity.asrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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

    @Test
    void aProgrammeThatDidNotAirIsScheduledAgainAndOneReportedLateAsAiredIsNot() {
        Db db = new Db(dataSource);
        AsRunScenario missed = new AsRunScenario(kafka, db);
        AsRunScenario aired = new AsRunScenario(kafka, db);
        List<UUID> missedPromos = missed.promos(5, Duration.ofMinutes(2));
        aired.promos(5, Duration.ofMinutes(2));
        for (AsRunScenario channel : List.of(missed, aired)) {
            channel.movies("default", 2, Duration.ofMinutes(30));
            channel.movies("morning", 4, Duration.ofMinutes(25));
        }
        // schedule-time 00:00 is 06:00 UTC: today's slot has ended when the test clock starts at 07:00, and no as-run says it aired
        AssignmentAdded missedMorning = missed.movieAssignment("00:00", 30, "morning", Map.of("sequential", true));
        AssignmentAdded airedMorning = aired.movieAssignment("00:00", 30, "morning", Map.of("sequential", true));
        missed.configure("default", missedMorning);
        aired.configure("default", airedMorning);
        UUID missedToday = awaitPick(missed, missedMorning.assignmentId(), AsRunScenario.TODAY);
        Event airedToday = awaitDayProgramme(aired, airedMorning.assignmentId(), AsRunScenario.TODAY);
        // a ChannelManager plays the missed channel from 05:59 on (reconciliation judges a channel from its first as-run)
        // but reports nothing for the 06:00 programme, which reconciliation then judges MISSING
        Instant managerStarted = airedToday.start().minus(Duration.ofMinutes(1));
        missed.send(missed.asRun(null, missedPromos.get(0), managerStarted, airedToday.start(), "AIRED", "channel manager started"));
        aired.send(aired.asPlanned(airedToday));

        // sequential: the next airing is the item after the last one that aired; one that never aired comes again
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> missedToday.equals(pickOn(missed, missedMorning.assignmentId(), AsRunScenario.TODAY.plusDays(1))));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            UUID tomorrow = pickOn(aired, airedMorning.assignmentId(), AsRunScenario.TODAY.plusDays(1));
            return tomorrow != null && !tomorrow.equals(airedToday.asset());
        });
        assertThat(pickOn(missed, missedMorning.assignmentId(), AsRunScenario.TODAY.plusDays(2))).isNotEqualTo(missedToday);
    }

    private static UUID awaitPick(AsRunScenario channel, UUID assignment, LocalDate day) {
        return awaitDayProgramme(channel, assignment, day).asset();
    }

    private static Event awaitDayProgramme(AsRunScenario channel, UUID assignment, LocalDate day) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> pickOn(channel, assignment, day) != null);
        return channel.events(day).stream().filter(e -> assignment.equals(e.assignment()) && "program".equals(e.kind())).findFirst()
                .orElseThrow();
    }

    private static UUID pickOn(AsRunScenario channel, UUID assignment, LocalDate day) {
        return channel.events(day).stream().filter(e -> assignment.equals(e.assignment()) && "program".equals(e.kind())).map(Event::asset)
                .findFirst().orElse(null);
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
