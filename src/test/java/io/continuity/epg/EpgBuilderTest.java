package io.continuity.epg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.resolver.core.EventKind;

/** Given playlog events, when the guide is built, then one entry per programme with no holes and no overlaps. */
class EpgBuilderTest {

    private static final UUID CHANNEL = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-23T11:00:00Z");

    private final EpgBuilder builder = new EpgBuilder();
    private final UUID cheers = UUID.randomUUID();
    private final UUID frasier = UUID.randomUUID();
    private final UUID movie = UUID.randomUUID();
    private final UUID filler = UUID.randomUUID();
    private final UUID bumper = UUID.randomUUID();
    private final Map<UUID, EpgAsset> assets = Map.of(
            cheers, new EpgAsset(cheers, "Cheers S1E5", "Cheers", "Coach's Daughter", 1, 5, "Coach's daughter visits the bar.",
                    "Comedy, Sitcom", "TV-PG"),
            frasier, new EpgAsset(frasier, "Frasier S2E1", "Frasier", "Slow Tango in South Seattle", 2, 1, null, "Comedy", "TV-PG"),
            movie, new EpgAsset(movie, "The Long Goodbye", null, null, null, null, "A private eye in Los Angeles.", "Drama; Crime", "R"));

    @Test
    void fillerBumpersAndGapsAreHiddenAndTheirTimeBelongsToTheProgrammeBefore() {
        List<EpgEvent> events = new Timeline()
                .play(cheers, EventKind.PROGRAM, 22).play(filler, EventKind.FILLER, 5).play(bumper, EventKind.BUMPER, 1).gap(2)
                .play(frasier, EventKind.PROGRAM, 22).play(filler, EventKind.FILLER, 8)
                .play(movie, EventKind.PROGRAM, 112).play(filler, EventKind.FILLER, 8)
                .events();

        List<EpgEntry> guide = builder.build(CHANNEL, events, assets);

        assertThat(guide).extracting(EpgEntry::assetUuid).containsExactly(cheers, frasier, movie);
        assertThat(guide).extracting(EpgEntry::startUtc).containsExactly(T0, at(30), at(60));
        assertThat(guide).extracting(EpgEntry::stopUtc).containsExactly(at(30), at(60), at(172));
        assertThat(guide).extracting(EpgEntry::programmeId).containsExactly(events.get(0).uuid(), events.get(4).uuid(), events.get(6).uuid());
    }

    @Test
    void theLastProgrammeEndsAtItsOwnEndWhenNothingFollows() {
        List<EpgEvent> events = new Timeline().play(cheers, EventKind.PROGRAM, 22).play(filler, EventKind.FILLER, 8).events();

        assertThat(builder.build(CHANNEL, events, assets)).singleElement()
                .satisfies(e -> assertThat(e.stopUtc()).isEqualTo(at(22)));
    }

    @Test
    void anItemSplitAtAFrozenBoundaryIsOneEntryNamedAfterItsFirstPart() {
        List<EpgEvent> events = new Timeline()
                .play(movie, EventKind.PROGRAM, 40).continueFor(movie, EventKind.PROGRAM, 72, 40)
                .play(cheers, EventKind.PROGRAM, 22)
                .events();

        List<EpgEntry> guide = builder.build(CHANNEL, events, assets);

        assertThat(guide).extracting(EpgEntry::assetUuid).containsExactly(movie, cheers);
        assertThat(guide.get(0).programmeId()).isEqualTo(events.get(0).uuid());
        assertThat(guide.get(0).startUtc()).isEqualTo(T0);
        assertThat(guide.get(0).stopUtc()).isEqualTo(at(112));
    }

    @Test
    void aProgrammeResumedAfterABreakOfFillerIsOneEntry() {
        List<EpgEvent> events = new Timeline()
                .play(movie, EventKind.PROGRAM, 50).play(filler, EventKind.FILLER, 4).continueFor(movie, EventKind.PROGRAM, 62, 50)
                .events();

        assertThat(builder.build(CHANNEL, events, assets)).singleElement()
                .satisfies(e -> assertThat(e.stopUtc()).isEqualTo(at(116)));
    }

    @Test
    void aProgrammeInterruptedByAnotherProgrammeIsTwoEntriesAroundIt() {
        List<EpgEvent> events = new Timeline()
                .play(movie, EventKind.PROGRAM, 30).play(frasier, EventKind.OVERRIDE, 10).continueFor(movie, EventKind.PROGRAM, 82, 30)
                .events();

        assertThat(builder.build(CHANNEL, events, assets)).extracting(EpgEntry::assetUuid).containsExactly(movie, frasier, movie);
    }

    @Test
    void theSameAssetAiringAgainFromItsStartIsANewEntry() {
        List<EpgEvent> events = new Timeline().play(cheers, EventKind.PROGRAM, 22).play(cheers, EventKind.PROGRAM, 22).events();

        assertThat(builder.build(CHANNEL, events, assets)).hasSize(2);
    }

    @Test
    void fallbackAndOverrideEventsAreProgrammes() {
        List<EpgEvent> events = new Timeline()
                .play(cheers, EventKind.FALLBACK, 22).play(frasier, EventKind.OVERRIDE, 22).play(filler, EventKind.FILLER, 16)
                .events();

        assertThat(builder.build(CHANNEL, events, assets)).extracting(EpgEntry::assetUuid).containsExactly(cheers, frasier);
    }

    @Test
    void aPlaylogOfOnlyFillerHasAnEmptyGuide() {
        assertThat(builder.build(CHANNEL, new Timeline().play(filler, EventKind.FILLER, 30).gap(30).events(), assets)).isEmpty();
    }

    @Test
    void entriesCarryTitleEpisodeTitleSeasonEpisodeDescriptionCategoriesAndRating() {
        List<EpgEntry> guide = builder.build(CHANNEL, new Timeline().play(cheers, EventKind.PROGRAM, 22).play(movie, EventKind.PROGRAM, 112)
                .events(), assets);

        EpgEntry episode = guide.get(0);
        assertThat(episode.title()).isEqualTo("Cheers");
        assertThat(episode.episodeTitle()).isEqualTo("Coach's Daughter");
        assertThat(episode.season()).isEqualTo(1);
        assertThat(episode.episode()).isEqualTo(5);
        assertThat(episode.description()).isEqualTo("Coach's daughter visits the bar.");
        assertThat(episode.categories()).containsExactly("Comedy", "Sitcom");
        assertThat(episode.rating()).isEqualTo("TV-PG");
        assertThat(episode.channelId()).isEqualTo(CHANNEL);
        EpgEntry film = guide.get(1);
        assertThat(film.title()).isEqualTo("The Long Goodbye");
        assertThat(film.episodeTitle()).isNull();
        assertThat(film.season()).isNull();
        assertThat(film.categories()).containsExactly("Drama", "Crime");
        assertThat(film.rating()).isEqualTo("R");
    }

    @Test
    void anAssetTheCatalogDoesNotKnowKeepsThePlaylogTitle() {
        UUID unknown = UUID.randomUUID();
        List<EpgEvent> events = List.of(new EpgEvent(UUID.randomUUID(), unknown, EventKind.PROGRAM, T0, at(30), 0, "Breaking News"));

        assertThat(builder.build(CHANNEL, events, assets)).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("Breaking News"))
                .satisfies(e -> assertThat(e.categories()).isEmpty());
    }

    @Test
    void eventsOutOfOrderGiveTheSameGuideAsEventsInOrder() {
        List<EpgEvent> events = new Timeline().play(cheers, EventKind.PROGRAM, 22).play(filler, EventKind.FILLER, 8)
                .play(frasier, EventKind.PROGRAM, 22).play(filler, EventKind.FILLER, 8).play(movie, EventKind.PROGRAM, 112).events();
        List<EpgEvent> shuffled = new ArrayList<>(events);
        Collections.reverse(shuffled);

        assertThat(builder.build(CHANNEL, shuffled, assets)).isEqualTo(builder.build(CHANNEL, events, assets));
    }

    @Test
    void overlappingInputNeverGivesOverlappingEntries() {
        List<EpgEvent> events = List.of(
                new EpgEvent(UUID.randomUUID(), movie, EventKind.PROGRAM, T0, at(112), 0, null),
                new EpgEvent(UUID.randomUUID(), frasier, EventKind.OVERRIDE, at(30), at(52), 0, null),
                new EpgEvent(UUID.randomUUID(), cheers, EventKind.PROGRAM, at(30), at(52), 0, null));

        List<EpgEntry> guide = builder.build(CHANNEL, events, assets);

        for (int i = 1; i < guide.size(); i++) {
            assertThat(guide.get(i).startUtc()).isEqualTo(guide.get(i - 1).stopUtc());
        }
        assertThat(guide).allSatisfy(e -> assertThat(e.stopUtc()).isAfter(e.startUtc()));
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** Lays events end to end from {@link #T0}. */
    private static final class Timeline {
        private final List<EpgEvent> events = new ArrayList<>();
        private Instant cursor = T0;

        Timeline play(UUID asset, EventKind kind, long minutes) {
            return continueFor(asset, kind, minutes, 0);
        }

        Timeline continueFor(UUID asset, EventKind kind, long minutes, long fromMinute) {
            Instant end = cursor.plus(Duration.ofMinutes(minutes));
            events.add(new EpgEvent(UUID.randomUUID(), asset, kind, cursor, end, Duration.ofMinutes(fromMinute).toMillis(), kind.name()));
            cursor = end;
            return this;
        }

        Timeline gap(long minutes) {
            Instant end = cursor.plus(Duration.ofMinutes(minutes));
            events.add(new EpgEvent(UUID.randomUUID(), null, EventKind.GAP, cursor, end, 0, null));
            cursor = end;
            return this;
        }

        List<EpgEvent> events() {
            return List.copyOf(events);
        }
    }
}
