package io.continuity.resolver.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads from a decoded JSON object ({@code Map<String, Object>}) that fail with a {@link RuleException}
 * naming the key. Shared by {@link ContentRule#fromMap} and {@link PlaybackRules#fromMap}. An absent map, an absent key
 * and an explicit JSON {@code null} all read as "not given".
 */
final class MapValues {

    private MapValues() {
    }

    static String string(Map<String, Object> map, String key) {
        Object value = get(map, key);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                throw new RuleException(key, "must not be blank");
            }
            return s.trim();
        }
        throw wrongType(key, "a string", value);
    }

    /** A string or a list of strings, returned lower-cased when {@code lowerCase} is set. */
    static Set<String> stringSet(Map<String, Object> map, String key, boolean lowerCase) {
        Object value = get(map, key);
        if (value == null) {
            return Set.of();
        }
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
        Set<String> result = new LinkedHashSet<>();
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw wrongType(key, "a string or a list of non-blank strings", item);
            }
            result.add(lowerCase ? s.trim().toLowerCase(Locale.ROOT) : s.trim());
        }
        return Set.copyOf(result);
    }

    static Integer integer(Map<String, Object> map, String key, int min) {
        Object value = get(map, key);
        if (value == null) {
            return null;
        }
        long whole = wholeNumber(key, value);
        if (whole < min || whole > Integer.MAX_VALUE) {
            throw new RuleException(key, "must be an integer >= " + min + ", got " + value);
        }
        return (int) whole;
    }

    static long wholeNumber(String key, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            BigDecimal decimal = new BigDecimal(n.toString());
            if (decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.longValueExact();
            }
        }
        throw wrongType(key, "a whole number", value);
    }

    static boolean bool(Map<String, Object> map, String key) {
        Object value = get(map, key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "a boolean", value);
    }

    private static Object get(Map<String, Object> map, String key) {
        return map == null ? null : map.get(key);
    }

    static RuleException wrongType(String key, String expected, Object value) {
        String actual = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        return new RuleException(key, "must be " + expected + ", got " + actual);
    }
}
