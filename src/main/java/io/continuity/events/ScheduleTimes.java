package io.continuity.events;

/** Arithmetic on validated schedule-time strings ("HH:MM", 00:00–24:00). */
public final class ScheduleTimes {

    private ScheduleTimes() {
    }

    /** Minutes from 00:00 of a valid schedule-time. */
    public static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }
}
