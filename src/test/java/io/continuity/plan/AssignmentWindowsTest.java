package io.continuity.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.events.Rejection;

/** Seed 003's time rules: assignments may run past 24:00, at most 24 hours, no overlap in the plan (wrap included). */
class AssignmentWindowsTest {

    private static final UUID NEW = UUID.nameUUIDFromBytes("new".getBytes());
    private static final UUID OTHER = UUID.nameUUIDFromBytes("other".getBytes());

    @Test
    void assignmentRunningPastMidnightIsAccepted() {
        assertThatCode(() -> AssignmentWindows.checkLength(22 * 60, 240)).doesNotThrowAnyException();
        assertThatCode(() -> AssignmentWindows.checkLength(0, 1440)).doesNotThrowAnyException();
        assertThatCode(() -> AssignmentWindows.checkOverlap(NEW, 22 * 60, 240,
                List.of(window("02:00", 120, 30)))).doesNotThrowAnyException();
    }

    @Test
    void assignmentLongerThan24HoursIsRejectedAsInvalidDuration() {
        assertThat(rejection(() -> AssignmentWindows.checkLength(60, 1470)))
                .isEqualTo(new Rejection(ReasonCode.INVALID_DURATION, "duration",
                        "must not exceed 24 hours (1440 minutes), was 1470"));
    }

    @Test
    void assignmentStartingAt2400IsRejectedAsInvalidDuration() {
        Rejection rejection = rejection(() -> AssignmentWindows.checkLength(1440, 30));
        assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_DURATION);
        assertThat(rejection.field()).isEqualTo("duration");
    }

    @Test
    void partPastMidnightOverlapsTheSamePlansEarlyAssignment() {
        Rejection rejection = rejection(() -> AssignmentWindows.checkOverlap(NEW, 22 * 60, 240,
                List.of(window("01:00", 60, 30))));
        assertThat(rejection.code()).isEqualTo(ReasonCode.OVERLAP);
        assertThat(rejection.field()).isEqualTo("start_time");
        assertThat(rejection.detail()).contains(OTHER.toString()).contains("01:00, 30 min").contains("past 24:00");
    }

    @Test
    void earlyAssignmentOverlapsTheCarriedPartOfAnExistingOne() {
        Rejection rejection = rejection(() -> AssignmentWindows.checkOverlap(NEW, 60, 30,
                List.of(window("22:00", 22 * 60, 240))));
        assertThat(rejection.code()).isEqualTo(ReasonCode.OVERLAP);
        assertThat(rejection.field()).isEqualTo("start_time");
    }

    @Test
    void overlapIsCheckedOnTheTwentyFourHourCircle() {
        assertThat(AssignmentWindows.overlap(22 * 60, 240, 60, 30)).isTrue();
        assertThat(AssignmentWindows.overlap(22 * 60, 240, 120, 30)).isFalse();
        assertThat(AssignmentWindows.overlap(22 * 60, 120, 0, 30)).isFalse();
        assertThat(AssignmentWindows.overlap(14 * 60, 60, 14 * 60 + 30, 60)).isTrue();
        assertThat(AssignmentWindows.overlap(14 * 60, 60, 15 * 60, 60)).isFalse();
        assertThat(AssignmentWindows.overlap(0, 1440, 23 * 60, 30)).isTrue();
        assertThat(AssignmentWindows.overlap(6 * 60, 1440, 5 * 60, 30)).isTrue();
    }

    @Test
    void anAssignmentNeverOverlapsItself() {
        assertThatCode(() -> AssignmentWindows.checkOverlap(OTHER, 22 * 60, 240,
                List.of(window("22:00", 22 * 60, 240)))).doesNotThrowAnyException();
    }

    private static AssignmentWindows.Window window(String startTime, int startMinute, int duration) {
        return new AssignmentWindows.Window(OTHER, startTime, startMinute, duration);
    }

    private static Rejection rejection(Runnable check) {
        Throwable thrown = catchThrowable(check::run);
        assertThat(thrown).isInstanceOf(RejectedEventException.class);
        return ((RejectedEventException) thrown).rejection();
    }
}
