package io.continuity.resolver.core;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Date matching for plan cron expressions. Plans use 5-field Unix cron, but only the day-of-month, month and
 * day-of-week fields count, so the minute and hour fields are replaced by {@code 0 0} before matching midnight
 * of the date. Parsed expressions are cached (they are immutable and few).
 */
final class CronDates {

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, ExecutionTime> CACHE = new ConcurrentHashMap<>();
    /** Answers per (expression, date): cron-utils' match is slow and every day of every channel asks it per plan. */
    private static final Map<DateMatch, Boolean> ANSWERS = new ConcurrentHashMap<>();
    private static final int MAX_ANSWERS = 50_000;
    /** Validated expressions whose day-of-month, month and day-of-week are all wildcards: every date matches. */
    private static final Set<String> EVERY_DAY = ConcurrentHashMap.newKeySet();

    private record DateMatch(String expression, LocalDate date) {
    }

    private CronDates() {
    }

    static void validate(String expression) {
        executionTime(expression);
        String[] fields = expression.trim().split("\\s+");
        if (fields[2].equals("*") && fields[3].equals("*") && fields[4].equals("*")) {
            EVERY_DAY.add(expression);
        }
    }

    static boolean matches(String expression, LocalDate date) {
        if (EVERY_DAY.contains(expression)) {
            return true;
        }
        DateMatch key = new DateMatch(expression, date);
        Boolean known = ANSWERS.get(key);
        if (known != null) {
            return known;
        }
        boolean match = executionTime(expression).isMatch(date.atStartOfDay(ZoneOffset.UTC));
        if (ANSWERS.size() >= MAX_ANSWERS) {
            ANSWERS.clear();
        }
        ANSWERS.put(key, match);
        return match;
    }

    private static ExecutionTime executionTime(String expression) {
        return CACHE.computeIfAbsent(expression, CronDates::parse);
    }

    private static ExecutionTime parse(String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron_expression must have 5 fields: '" + expression + "'");
        }
        String daysOnly = "0 0 " + fields[2] + " " + fields[3] + " " + fields[4];
        return ExecutionTime.forCron(PARSER.parse(daysOnly));
    }
}
