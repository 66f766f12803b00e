package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Any valid input the contract allows, built from one seed: a channel on any grid, offset, zone and day start; a
 * catalog whose assets may lack every optional attribute (series, season, episode, genre, rating, tags,
 * {@code added_at}), including one-off episodes without a series and ineligible assets, or no assets at all; plans
 * whose assignments use every content type and episode policy; and rules (assignment, filler, virtual package and
 * default programming) made of any subset of the documented rule keys, parsed as ingest parses them.
 */
record AnyInputWorld(ChannelSpec channel, List<PlanSpec> plans, InMemoryCatalog catalog, String description) {

    static final String[] ZONES = {"America/New_York", "Europe/London", "UTC", "Australia/Lord_Howe", "Asia/Kolkata"};
    private static final String[] CRONS = {"* * * * *", "* * * * *", "* * * * *", "* * * * 1-5", "* * * * 0,6", "* * 1-15 * *",
        "0 0 24-26 12 *"};
    private static final String[] KINDS = {"episode", "movie", "filler", "bumper", "promo"};
    private static final String[] GENRES = {"drama", "comedy", "western"};
    private static final String[] RATINGS = {"TV-G", "TV-PG", "PG", "R"};
    private static final String[] TAGS = {"christmas", "winter", "summer", "halloween", "family-friendly"};
    private static final String[] ROTATIONS = {"least-recently-used", "sequential", "random", "seasonal", "syndication"};
    private static final Instant CATALOG_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    static AnyInputWorld build(long seed, String zone, int grid, int offsetSeed, int dayStartHour) {
        Random random = new Random(seed);
        List<String> seriesIds = new ArrayList<>();
        List<CatalogAsset> assets = catalog(random, seriesIds);
        List<VirtualAssetSpec> virtuals = virtualAssets(random, assets, seriesIds);
        ChannelSpec channel = channel(random, zone, grid, offsetSeed, dayStartHour, assets, virtuals, seriesIds);
        List<PlanSpec> plans = new ArrayList<>();
        for (int p = 0, count = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3); p < count; p++) {
            plans.add(plan(random, p, grid, assets, virtuals, seriesIds));
        }
        String description = "seed " + seed + ", " + assets.size() + " assets, " + virtuals.size() + " virtual, "
                + plans.size() + " plans, filler " + channel.fillerRule() + ", default " + channel.defaultProgramming();
        return new AnyInputWorld(channel, plans, InMemoryCatalog.of(assets, virtuals), description);
    }

    ResolveRequest request(LocalDate day) {
        return new ResolveRequest(channel, day, plans, catalog, PlayHistory.empty(), 0, List.of());
    }

    private static List<CatalogAsset> catalog(Random random, List<String> seriesIds) {
        List<CatalogAsset> assets = new ArrayList<>();
        if (random.nextInt(15) == 0) {
            return assets;
        }
        for (int s = 0, count = random.nextInt(5); s < count; s++) {
            String seriesId = "series-" + s;
            seriesIds.add(seriesId);
            int minutes = 5 + random.nextInt(90);
            for (int e = 1, episodes = 1 + random.nextInt(8); e <= episodes; e++) {
                boolean numbered = random.nextInt(4) != 0;
                assets.add(asset(random, assets.size(), AssetKind.EPISODE, minutes * 60_000L - random.nextInt(30_000),
                        seriesId, random.nextBoolean() ? "Series " + s : null, numbered ? 1 + e / 5 : null,
                        numbered ? e : null));
            }
        }
        for (int i = 0, count = random.nextInt(6); i < count; i++) {
            AssetKind kind = random.nextBoolean() ? AssetKind.MOVIE : AssetKind.EPISODE;
            assets.add(asset(random, assets.size(), kind, (20 + random.nextInt(140)) * 60_000L + random.nextInt(60_000),
                    null, null, null, null));
        }
        for (int i = 0, count = random.nextInt(10); i < count; i++) {
            AssetKind kind = new AssetKind[] {AssetKind.FILLER, AssetKind.BUMPER, AssetKind.PROMO}[random.nextInt(3)];
            assets.add(asset(random, assets.size(), kind, (5 + random.nextInt(300)) * 1000L, null, null, null, null));
        }
        return assets;
    }

    private static CatalogAsset asset(Random random, int index, AssetKind kind, long durationMs, String seriesId,
                                      String seriesTitle, Integer season, Integer episode) {
        String state = random.nextInt(10) == 0 ? "pending" : "ready";
        return new CatalogAsset(new UUID(0xA55E7L, index), kind.wireName() + " " + index, kind, durationMs, seriesId,
                seriesTitle, season, episode, random.nextInt(3) == 0 ? random.nextInt(50) : null,
                seriesTitle == null ? null : "Episode " + episode, maybe(random, GENRES), maybe(random, RATINGS),
                random.nextBoolean() ? Set.of() : Set.copyOf(subset(random, TAGS)),
                random.nextInt(3) == 0 ? null : CATALOG_EPOCH.minus(Duration.ofDays(random.nextInt(400))), state,
                random.nextInt(12) != 0, random.nextInt(15) == 0);
    }

    /** A rule of any subset of the nine documented keys, each value of any documented shape, parsed strictly. */
    static ContentRule rule(Random random, List<String> seriesIds) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            map.put("kind", oneOrMany(random, KINDS));
        }
        if (random.nextInt(5) == 0) {
            map.put("genre", oneOrMany(random, GENRES));
        }
        if (random.nextInt(5) == 0) {
            map.put("rating", oneOrMany(random, RATINGS));
        }
        if (random.nextInt(5) == 0) {
            List<String> known = new ArrayList<>(seriesIds);
            known.add("no-such-series");
            map.put("series_id", oneOrMany(random, known.toArray(String[]::new)));
        }
        if (random.nextInt(5) == 0) {
            map.put("tags", subset(random, TAGS));
        }
        int min = 1 + random.nextInt(120);
        if (random.nextInt(5) == 0) {
            map.put("min_duration", min);
        }
        if (random.nextInt(5) == 0) {
            map.put("max_duration", (map.containsKey("min_duration") ? min : 1) + random.nextInt(150));
        }
        if (random.nextInt(5) == 0) {
            map.put("freshness", random.nextBoolean() ? "recent" : Map.of("max_age_days", 1 + random.nextInt(500)));
        }
        if (random.nextInt(5) == 0) {
            map.put("compatibility", TAGS[random.nextInt(TAGS.length)]);
        }
        return ContentRule.fromMap(map);
    }

    private static List<VirtualAssetSpec> virtualAssets(Random random, List<CatalogAsset> assets, List<String> seriesIds) {
        List<VirtualAssetSpec> virtuals = new ArrayList<>();
        for (int v = 0, count = random.nextInt(3); v < count; v++) {
            UUID id = new UUID(0x5EEDL, v);
            if (assets.isEmpty() || random.nextBoolean()) {
                virtuals.add(new VirtualAssetSpec(id, "Package " + v, null, rule(random, seriesIds)));
            } else {
                List<UUID> members = new ArrayList<>();
                for (int i = 0, size = 1 + random.nextInt(5); i < size; i++) {
                    members.add(random.nextInt(8) == 0 ? new UUID(0xDEADL, i) : pick(random, assets).uuid());
                }
                virtuals.add(new VirtualAssetSpec(id, "Package " + v, members, null));
            }
        }
        return virtuals;
    }

    private static ChannelSpec channel(Random random, String zone, int grid, int offsetSeed, int dayStartHour,
                                       List<CatalogAsset> assets, List<VirtualAssetSpec> virtuals,
                                       List<String> seriesIds) {
        List<Integer> offsets = new ArrayList<>();
        for (int minute = offsetSeed % grid; minute < 60; minute += grid) {
            offsets.add(minute);
        }
        ContentRef fallback = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> assets.isEmpty() ? null : ContentRef.asset(pick(random, assets).uuid());
            case 2 -> virtuals.isEmpty() ? null
                    : new ContentRef(ContentType.VIRTUAL_PACKAGE, pick(random, virtuals).uuid().toString(), null);
            default -> ContentRef.rule(rule(random, seriesIds));
        };
        ContentRule filler = random.nextInt(3) == 0 ? ContentRule.any() : rule(random, seriesIds);
        return new ChannelSpec(new UUID(0xC4A7L, random.nextLong()), "any", ZoneId.of(zone), grid, offsets,
                LocalTime.of(dayStartHour, offsets.get(random.nextInt(offsets.size()))), filler, fallback);
    }

    private static PlanSpec plan(Random random, int index, int grid, List<CatalogAsset> assets,
                                 List<VirtualAssetSpec> virtuals, List<String> seriesIds) {
        UUID planId = new UUID(0x9A7L, index);
        List<AssignmentSpec> assignments = new ArrayList<>();
        int cursor = grid * random.nextInt(6);
        while (cursor < 1440) {
            int duration = Math.min(grid * (1 + random.nextInt(12)), 1440 - cursor);
            UUID id = new UUID(planId.getLeastSignificantBits(), cursor);
            assignments.add(assignment(random, id, planId, cursor, duration, assets, virtuals, seriesIds));
            cursor += duration + grid * random.nextInt(4);
        }
        LocalDate start = random.nextInt(8) == 0 ? LocalDate.parse("2025-06-01").plusDays(random.nextInt(600)) : null;
        return new PlanSpec(planId, "Plan " + index, random.nextInt(4), index, CRONS[random.nextInt(CRONS.length)],
                start, start == null || random.nextBoolean() ? null : start.plusDays(random.nextInt(200)),
                random.nextInt(8) != 0, assignments);
    }

    private static AssignmentSpec assignment(Random random, UUID id, UUID planId, int start, int duration,
                                             List<CatalogAsset> assets, List<VirtualAssetSpec> virtuals,
                                             List<String> seriesIds) {
        EpisodePolicy[] policies = EpisodePolicy.values();
        EpisodePolicy policy = random.nextInt(5) == 0 ? null : policies[random.nextInt(policies.length)];
        PlaybackRules rules = PlaybackRules.fromMap(playback(random));
        ContentType type = ContentType.values()[random.nextInt(ContentType.values().length)];
        return switch (type) {
            case SERIES -> new AssignmentSpec(id, planId, start, duration, type,
                    seriesIds.isEmpty() || random.nextInt(6) == 0 ? "Series " + random.nextInt(5) : pick(random, seriesIds),
                    null, policy, rules);
            case ASSET -> new AssignmentSpec(id, planId, start, duration, type,
                    (assets.isEmpty() || random.nextInt(8) == 0 ? new UUID(0xDEADL, start) : pick(random, assets).uuid()).toString(),
                    null, policy, rules);
            case RULE, RANDOM -> new AssignmentSpec(id, planId, start, duration, type, null, rule(random, seriesIds),
                    policy, rules);
            case VIRTUAL_PACKAGE -> new AssignmentSpec(id, planId, start, duration, type,
                    new UUID(0x5EEDL, random.nextInt(virtuals.size() + 1)).toString(), null, policy, rules);
        };
    }

    private static Map<String, Object> playback(Random random) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            map.put("avoid_repeats", random.nextBoolean());
        }
        if (random.nextInt(5) == 0) {
            map.put("avoid_repeats_window_days", 1 + random.nextInt(30));
        }
        if (random.nextInt(5) == 0) {
            map.put("prefer_new", true);
        }
        if (random.nextInt(5) == 0) {
            map.put("random", true);
        }
        if (random.nextInt(5) == 0) {
            map.put("sequential", true);
        }
        if (random.nextInt(5) == 0) {
            map.put("rotation", ROTATIONS[random.nextInt(ROTATIONS.length)]);
        }
        if (random.nextInt(8) == 0) {
            map.put("offset", random.nextBoolean() ? 60_000 : "00:00:30");
        }
        return map;
    }

    private static Object oneOrMany(Random random, String[] values) {
        return random.nextBoolean() ? values[random.nextInt(values.length)] : subsetNonEmpty(random, values);
    }

    private static List<String> subset(Random random, String[] values) {
        List<String> chosen = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    private static List<String> subsetNonEmpty(Random random, String[] values) {
        List<String> chosen = subset(random, values);
        return chosen.isEmpty() ? List.of(values[random.nextInt(values.length)]) : chosen;
    }

    private static String maybe(Random random, String[] values) {
        return random.nextBoolean() ? null : values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
