package io.continuity.resolver.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A random but reproducible channel, catalog and set of plans for property tests, built from one seed. It
 * deliberately includes ineligible assets, missing references, empty filler pools, overlapping plans and
 * assignments running past 24:00.
 */
record RandomWorld(ChannelSpec channel, List<PlanSpec> plans, InMemoryCatalog catalog, List<CatalogAsset> assets) {

    private static final String[] CRONS = {"* * * * *", "* * * * *", "* * * * 1-5", "* * * * 0,6", "* * 1-15 * *"};
    private static final int[] EPISODE_MINUTES = {5, 11, 22, 25, 44, 50, 95};
    private static final String[] TAGS = {"christmas", "winter", "summer", "halloween", "spring"};

    static RandomWorld build(long seed, String zone, int grid, int offsetSeed, int dayStartHour) {
        Random random = new Random(seed);
        List<CatalogAsset> assets = new ArrayList<>();
        int seriesCount = 1 + random.nextInt(4);
        for (int s = 0; s < seriesCount; s++) {
            assets.addAll(series(random, "series-" + s));
        }
        for (int m = 0, count = random.nextInt(11); m < count; m++) {
            assets.add(movie(random, m));
        }
        for (int f = 0, count = random.nextInt(7); f < count; f++) {
            assets.add(filler(random, f));
        }
        List<VirtualAssetSpec> virtuals = virtualAssets(random, assets);
        ChannelSpec channel = channel(random, zone, grid, offsetSeed, dayStartHour, assets);
        List<PlanSpec> plans = new ArrayList<>();
        for (int p = 0, count = 1 + random.nextInt(3); p < count; p++) {
            plans.add(plan(random, p, grid, seriesCount, assets, virtuals));
        }
        return new RandomWorld(channel, plans, InMemoryCatalog.of(assets, virtuals), assets);
    }

    ResolveRequest request(LocalDate day) {
        return new ResolveRequest(channel, day, plans, catalog, PlayHistory.empty(), 0, List.of());
    }

    private static List<CatalogAsset> series(Random random, String id) {
        List<CatalogAsset> episodes = new ArrayList<>();
        int minutes = EPISODE_MINUTES[random.nextInt(EPISODE_MINUTES.length)];
        for (int e = 1, count = 1 + random.nextInt(12); e <= count; e++) {
            AssetBuilder builder = AssetBuilder.episode(id, 1 + e / 6, e, minutes)
                    .durationMs(minutes * 60_000L - random.nextInt(3) * 7_000L);
            if (random.nextInt(3) == 0) {
                builder.tags(TAGS[random.nextInt(TAGS.length)]);
            }
            if (random.nextBoolean()) {
                builder.syndication(random.nextInt(20));
            }
            episodes.add(maybeIneligible(random, builder).build());
        }
        return episodes;
    }

    private static CatalogAsset movie(Random random, int index) {
        AssetBuilder builder = AssetBuilder.movie("Movie " + index, 40 + random.nextInt(120))
                .durationMs((40 + random.nextInt(120)) * 60_000L + random.nextInt(60_000))
                .genre(random.nextBoolean() ? "drama" : "comedy")
                .addedAt(Instant.parse("2026-01-01T00:00:00Z").minus(Duration.ofDays(random.nextInt(400))));
        return maybeIneligible(random, builder).build();
    }

    private static CatalogAsset filler(Random random, int index) {
        int seconds = 30 + random.nextInt(270);
        AssetBuilder builder = random.nextBoolean() ? AssetBuilder.filler("Filler " + index, seconds)
                : AssetBuilder.bumper("Bumper " + index, seconds);
        return maybeIneligible(random, builder).build();
    }

    private static AssetBuilder maybeIneligible(Random random, AssetBuilder builder) {
        return switch (random.nextInt(12)) {
            case 0 -> builder.pending();
            case 1 -> builder.unapproved();
            case 2 -> builder.deleted();
            default -> builder;
        };
    }

    private static List<VirtualAssetSpec> virtualAssets(Random random, List<CatalogAsset> assets) {
        List<VirtualAssetSpec> virtuals = new ArrayList<>();
        for (int v = 0, count = random.nextInt(3); v < count; v++) {
            UUID id = new UUID(0x5EEDL, v);
            if (random.nextBoolean()) {
                virtuals.add(new VirtualAssetSpec(id, "Package " + v, null,
                        ContentRule.fromMap(Map.of("kind", "movie"))));
            } else {
                List<UUID> members = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    members.add(assets.get(random.nextInt(assets.size())).uuid());
                }
                virtuals.add(new VirtualAssetSpec(id, "Package " + v, members, null));
            }
        }
        return virtuals;
    }

    private static ChannelSpec channel(Random random, String zone, int grid, int offsetSeed, int dayStartHour,
                                       List<CatalogAsset> assets) {
        int base = offsetSeed % grid;
        List<Integer> offsets = new ArrayList<>();
        for (int minute = base; minute < 60; minute += grid) {
            offsets.add(minute);
        }
        ContentRef fallback = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> ContentRef.asset(assets.get(random.nextInt(assets.size())).uuid());
            default -> ContentRef.rule(ContentRule.fromMap(Map.of("max_duration", 30)));
        };
        return new ChannelSpec(new UUID(0xC4A7L, random.nextLong()), "random", ZoneId.of(zone), grid, offsets,
                LocalTime.of(dayStartHour, base), ContentRule.any(), fallback);
    }

    private static PlanSpec plan(Random random, int index, int grid, int seriesCount, List<CatalogAsset> assets,
                                 List<VirtualAssetSpec> virtuals) {
        UUID planId = new UUID(0x9A7L, index);
        List<AssignmentSpec> assignments = new ArrayList<>();
        int cursor = grid * random.nextInt(8);
        while (cursor < 1440) {
            int duration = grid * (1 + random.nextInt(10));
            assignments.add(assignment(random, new UUID(planId.getLeastSignificantBits(), cursor), planId, cursor,
                    duration, seriesCount, assets, virtuals));
            cursor += duration + grid * random.nextInt(4);
        }
        return new PlanSpec(planId, "Plan " + index, random.nextInt(4), index, CRONS[random.nextInt(CRONS.length)],
                null, null, random.nextInt(8) != 0, assignments);
    }

    private static AssignmentSpec assignment(Random random, UUID id, UUID planId, int start, int duration,
                                             int seriesCount, List<CatalogAsset> assets,
                                             List<VirtualAssetSpec> virtuals) {
        PlaybackRules rules = new PlaybackRules(random.nextBoolean(), null, random.nextInt(4) == 0,
                random.nextInt(4) == 0, false, random.nextInt(6) == 0 ? 60_000 : 0,
                random.nextInt(4) == 0 ? EpisodePolicy.LEAST_RECENTLY_USED : null, null);
        EpisodePolicy[] policies = EpisodePolicy.values();
        EpisodePolicy policy = random.nextInt(6) == 0 ? null : policies[random.nextInt(policies.length)];
        return switch (random.nextInt(5)) {
            case 0 -> new AssignmentSpec(id, planId, start, duration, ContentType.SERIES,
                    "series-" + random.nextInt(seriesCount + 1), null, policy, rules);
            case 1 -> new AssignmentSpec(id, planId, start, duration, ContentType.ASSET,
                    assets.get(random.nextInt(assets.size())).uuid().toString(), null, null, rules);
            case 2 -> new AssignmentSpec(id, planId, start, duration, ContentType.RULE, "rule",
                    ContentRule.fromMap(Map.of("genre", "drama", "max_duration", 120)), null, rules);
            case 3 -> new AssignmentSpec(id, planId, start, duration, ContentType.RANDOM, "random",
                    ContentRule.fromMap(Map.of("kind", List.of("movie", "episode"))), null, rules);
            default -> new AssignmentSpec(id, planId, start, duration, ContentType.VIRTUAL_PACKAGE,
                    new UUID(0x5EEDL, random.nextInt(virtuals.size() + 1)).toString(), null, policy, rules);
        };
    }

    Set<UUID> eligibleAssets() {
        Set<UUID> eligible = new HashSet<>();
        assets.stream().filter(CatalogAsset::eligible).forEach(a -> eligible.add(a.uuid()));
        return eligible;
    }
}
