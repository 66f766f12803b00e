package io.continuity.resolver.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The tags that make an episode "seasonal" for a broadcast day, used by the {@code seasonal} episode policy.
 * Episodes tagged with a holiday of the day come first, then episodes tagged with the day's season, then the
 * rest. Tags (case-insensitive):
 * <ul>
 *   <li>{@code new-year}: 31 December – 1 January</li>
 *   <li>{@code valentines}: 14 February</li>
 *   <li>{@code easter}: Good Friday – Easter Monday (Western, Gregorian computus)</li>
 *   <li>{@code halloween}: 24 – 31 October</li>
 *   <li>{@code thanksgiving}: US Thanksgiving (fourth Thursday of November) through the following Sunday</li>
 *   <li>{@code christmas}: 20 – 26 December</li>
 *   <li>seasons, meteorological and northern-hemisphere: {@code winter} December–February, {@code spring}
 *       March–May, {@code summer} June–August, {@code autumn} (or {@code fall}) September–November</li>
 * </ul>
 * The broadcast day's label date decides, whatever the local time of the slot.
 */
final class SeasonalCalendar {

    static final int HOLIDAY_TIER = 0;
    static final int SEASON_TIER = 1;
    static final int OTHER_TIER = 2;

    private SeasonalCalendar() {
    }

    /** Holiday tags in force on {@code date}. */
    static List<String> holidays(LocalDate date) {
        List<String> tags = new ArrayList<>();
        MonthDay day = MonthDay.from(date);
        if (day.equals(MonthDay.of(12, 31)) || day.equals(MonthDay.of(1, 1))) {
            tags.add("new-year");
        }
        if (day.equals(MonthDay.of(2, 14))) {
            tags.add("valentines");
        }
        if (within(date, easterSunday(date.getYear()).minusDays(2), easterSunday(date.getYear()).plusDays(1))) {
            tags.add("easter");
        }
        if (within(day, MonthDay.of(10, 24), MonthDay.of(10, 31))) {
            tags.add("halloween");
        }
        LocalDate thanksgiving = LocalDate.of(date.getYear(), Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        if (within(date, thanksgiving, thanksgiving.plusDays(3))) {
            tags.add("thanksgiving");
        }
        if (within(day, MonthDay.of(12, 20), MonthDay.of(12, 26))) {
            tags.add("christmas");
        }
        return tags;
    }

    /** Season tags in force on {@code date} ({@code autumn} and its synonym {@code fall}). */
    static List<String> seasons(LocalDate date) {
        return switch (date.getMonth()) {
            case DECEMBER, JANUARY, FEBRUARY -> List.of("winter");
            case MARCH, APRIL, MAY -> List.of("spring");
            case JUNE, JULY, AUGUST -> List.of("summer");
            default -> List.of("autumn", "fall");
        };
    }

    /** 0 when the asset carries a holiday tag of the date, 1 for a season tag, 2 otherwise. */
    static int tier(CatalogAsset asset, LocalDate date) {
        if (holidays(date).stream().anyMatch(asset.tags()::contains)) {
            return HOLIDAY_TIER;
        }
        if (seasons(date).stream().anyMatch(asset.tags()::contains)) {
            return SEASON_TIER;
        }
        return OTHER_TIER;
    }

    /** The first matching tag for explanations, or null. */
    static String matchingTag(CatalogAsset asset, LocalDate date) {
        List<String> all = new ArrayList<>(holidays(date));
        all.addAll(seasons(date));
        return all.stream().filter(asset.tags()::contains).findFirst().orElse(null);
    }

    /** Western Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - b / 4 - g + 15) % 30;
        int l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }

    private static boolean within(LocalDate date, LocalDate first, LocalDate last) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    private static boolean within(MonthDay day, MonthDay first, MonthDay last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
