package io.continuity.asrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.resolver.core.EventKind;

/** The reconciliation rules on their own: one planned event, the entries that name it, the outcomes it earns. */
class JudgementTest {

    private static final Duration TOLERANCE = Duration.ofSeconds(2);
    private static final UUID CHANNEL = UUID.randomUUID();
    private static final UUID PLANNED_ASSET = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-11-23T06:30:00Z");
    private static final Instant END = Instant.parse("2026-11-23T06:52:00Z");
    private static final PlannedEvent EVENT = new PlannedEvent(UUID.randomUUID(), CHANNEL, PLANNED_ASSET, EventKind.PROGRAM, START, END, "2026-11-23");

    @Test
    void airingThePlannedAssetWithinTheToleranceIsOk() {
        List<Finding> findings = judge(entry(PLANNED_ASSET, START.plusSeconds(2), END.minusSeconds(2), "AIRED"));

        assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.OK);
        assertThat(findings.get(0).deltaMs()).isEqualTo(2000);
    }

    @Test
    void startingLaterThanTheToleranceIsLateStartWithTheDelay() {
        List<Finding> findings = judge(entry(PLANNED_ASSET, START.plusMillis(2001), END, "AIRED"));

        assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.LATE_START);
        assertThat(findings.get(0).deltaMs()).isEqualTo(2001);
        assertThat(findings.get(0).detail()).contains("2.001 s late");
    }

    @Test
    void startingEarlyIsNotADiscrepancy() {
        assertThat(judge(entry(PLANNED_ASSET, START.minusSeconds(30), END, "AIRED"))).extracting(Finding::outcome)
                .containsExactly(Outcome.OK);
    }

    @Test
    void endingEarlierThanTheToleranceIsEarlyEndWithANegativeDelta() {
        List<Finding> findings = judge(entry(PLANNED_ASSET, START, END.minusSeconds(60), "AIRED"));

        assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.EARLY_END);
        assertThat(findings.get(0).deltaMs()).isEqualTo(-60_000);
    }

    @Test
    void truncatedOrShortIsEarlyEndEvenWithinTheTolerance() {
        assertThat(judge(entry(PLANNED_ASSET, START, END, "TRUNCATED"))).extracting(Finding::outcome).containsExactly(Outcome.EARLY_END);
        assertThat(judge(entry(PLANNED_ASSET, START, END, "SHORT"))).extracting(Finding::outcome).containsExactly(Outcome.EARLY_END);
    }

    @Test
    void anotherAssetOrTheSubstitutedStatusIsSubstituted() {
        UUID other = UUID.randomUUID();
        List<Finding> byAsset = judge(entry(other, START, END, "AIRED"));
        assertThat(byAsset).extracting(Finding::outcome).containsExactly(Outcome.SUBSTITUTED);
        assertThat(byAsset.get(0).airedAssetUuid()).isEqualTo(other);
        assertThat(byAsset.get(0).detail()).contains(other.toString(), PLANNED_ASSET.toString());

        assertThat(judge(entry(PLANNED_ASSET, START, END, "SUBSTITUTED"))).extracting(Finding::outcome)
                .containsExactly(Outcome.SUBSTITUTED);
    }

    @Test
    void oneEventMayEarnSeveralOutcomes() {
        assertThat(judge(entry(UUID.randomUUID(), START.plusSeconds(10), END.minusSeconds(10), "AIRED"))).extracting(Finding::outcome)
                .containsExactlyInAnyOrder(Outcome.SUBSTITUTED, Outcome.LATE_START, Outcome.EARLY_END);
    }

    @Test
    void noEntryOrOnlySkippedAndErrorEntriesIsMissing() {
        assertThat(Judgement.judge(EVENT, List.of(), TOLERANCE)).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.MISSING);
            assertThat(f.asRunId()).isNull();
        });
        AiredEntry skipped = entry(PLANNED_ASSET, START, START, "SKIPPED");
        assertThat(judge(skipped, entry(PLANNED_ASSET, START, START, "ERROR"))).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.MISSING);
            assertThat(f.asRunId()).isEqualTo(skipped.id());
            assertThat(f.detail()).contains("SKIPPED", "server fault");
        });
    }

    @Test
    void anEventAiredInPartsIsJudgedFromItsFirstStartToItsLastEnd() {
        Instant breakStart = START.plus(Duration.ofMinutes(10));
        List<Finding> findings = judge(entry(PLANNED_ASSET, breakStart.plusSeconds(120), END, "AIRED"),
                entry(PLANNED_ASSET, START, breakStart, "AIRED"));

        assertThat(findings).extracting(Finding::outcome).containsExactly(Outcome.OK);
        assertThat(findings.get(0).actualStart()).isEqualTo(START);
        assertThat(findings.get(0).actualEnd()).isEqualTo(END);
    }

    @Test
    void anEntryNamingNoEventIsExtraAndSaysWhy() {
        AiredEntry unnamed = new AiredEntry(UUID.randomUUID(), CHANNEL, null, PLANNED_ASSET, START, END, "AIRED", null);
        UUID unknown = UUID.randomUUID();
        AiredEntry misnamed = new AiredEntry(UUID.randomUUID(), CHANNEL, unknown, PLANNED_ASSET, START, END, "AIRED", null);

        assertThat(Judgement.extra(unnamed).outcome()).isEqualTo(Outcome.EXTRA);
        assertThat(Judgement.extra(unnamed).detail()).contains("without naming a playlog event");
        assertThat(Judgement.extra(misnamed).detail()).contains(unknown.toString(), "not in the channel's current schedule");
    }

    private static List<Finding> judge(AiredEntry... entries) {
        return Judgement.judge(EVENT, List.of(entries), TOLERANCE);
    }

    private static AiredEntry entry(UUID asset, Instant start, Instant end, String status) {
        return new AiredEntry(UUID.randomUUID(), CHANNEL, EVENT.uuid(), asset, start, end, status, "server fault");
    }
}
