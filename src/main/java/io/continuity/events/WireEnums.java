package io.continuity.events;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.resolver.core.EventKind;
import io.continuity.resolver.core.OverrideAction;

/**
 * The wire names of the resolver core's enums. The core knows no Jackson, so the names are attached here as mix-ins: a
 * content type is {@code SERIES} in Java and {@code "series"} on the wire, an episode policy
 * {@code "least-recently-used"}. Override actions and resume modes travel as their Java names ({@code INSERT},
 * {@code JOIN_IN_PROGRESS}). The module is registered on the wire mapper ({@link EventJson}) and on the REST mapper, so
 * Kafka and REST accept and write exactly the same strings; projections store the same names in their text columns.
 */
public final class WireEnums {

    /** Every enum the contract records carry, in the order rejections and docs list them. */
    public static final List<Class<? extends Enum<?>>> TYPES = List.of(ContentType.class, EpisodePolicy.class, AssetKind.class,
            EventKind.class, OverrideAction.class, OverrideAction.Resume.class);

    private static final Map<Class<?>, Class<?>> MIX_INS = Map.of(
            ContentType.class, ContentTypeNames.class,
            EpisodePolicy.class, EpisodePolicyNames.class,
            AssetKind.class, AssetKindNames.class,
            EventKind.class, EventKindNames.class);

    private static final Map<Enum<?>, String> NAMES = names();

    private WireEnums() {
    }

    /** The Jackson module that gives the enums their wire names. */
    public static Module module() {
        SimpleModule module = new SimpleModule("continuity-wire-enums");
        MIX_INS.forEach(module::setMixInAnnotation);
        return module;
    }

    /** The wire name of {@code value}: what the mappers write, and what projections store. */
    public static String name(Enum<?> value) {
        return NAMES.get(value);
    }

    /** The wire names {@code type} accepts, in declaration order; empty when it is not one of {@link #TYPES}. */
    public static List<String> names(Class<?> type) {
        return type.isEnum() && TYPES.contains(type)
                ? Arrays.stream(type.getEnumConstants()).map(c -> NAMES.get((Enum<?>) c)).toList()
                : List.of();
    }

    private static Map<Enum<?>, String> names() {
        Map<Enum<?>, String> names = new LinkedHashMap<>();
        for (Class<? extends Enum<?>> type : TYPES) {
            for (Enum<?> constant : type.getEnumConstants()) {
                names.put(constant, wireName(constant));
            }
        }
        return Map.copyOf(names);
    }

    private static String wireName(Enum<?> constant) {
        Class<?> mixIn = MIX_INS.get(constant.getDeclaringClass());
        if (mixIn == null) {
            return constant.name();
        }
        try {
            return mixIn.getField(constant.name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(mixIn.getSimpleName() + " has no name for " + constant, e);
        }
    }

    private enum ContentTypeNames {
        @JsonProperty("series") SERIES,
        @JsonProperty("asset") ASSET,
        @JsonProperty("rule") RULE,
        @JsonProperty("random") RANDOM,
        @JsonProperty("virtual_package") VIRTUAL_PACKAGE
    }

    private enum EpisodePolicyNames {
        @JsonProperty("sequential") SEQUENTIAL,
        @JsonProperty("syndication") SYNDICATION,
        @JsonProperty("random") RANDOM,
        @JsonProperty("seasonal") SEASONAL,
        @JsonProperty("least-recently-used") LEAST_RECENTLY_USED
    }

    private enum AssetKindNames {
        @JsonProperty("episode") EPISODE,
        @JsonProperty("movie") MOVIE,
        @JsonProperty("filler") FILLER,
        @JsonProperty("bumper") BUMPER,
        @JsonProperty("promo") PROMO
    }

    private enum EventKindNames {
        @JsonProperty("program") PROGRAM,
        @JsonProperty("filler") FILLER,
        @JsonProperty("bumper") BUMPER,
        @JsonProperty("gap") GAP,
        @JsonProperty("fallback") FALLBACK,
        @JsonProperty("override") OVERRIDE
    }
}
