package io.continuity.resolver.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an assignment's content reference into an {@link AssignmentPlayer}: finds the candidate assets for each
 * content type (series episodes, one asset, rule matches, virtual package members), applies eligibility and
 * freshness, and chooses the play mode from the episode policy and playback rules. Rule matches are cached for
 * the day because many assignments share a rule.
 *
 * <p>Mode choice: a series uses its episode policy, else the {@code rotation} rule, else {@code random}, else
 * sequential. Rule assignments are least-recently-used unless {@code random} (always for content type RANDOM), a
 * rotation or {@code sequential} says otherwise. Virtual packages play in package order continuing day to day unless a rotation or
 * {@code random} says otherwise.
 */
final class ContentSource {

    private final DayContext day;
    private final Map<ContentRule, List<CatalogAsset>> ruleMatches = new HashMap<>();

    ContentSource(DayContext day) {
        this.day = day;
    }

    /**
     * @param loopSingle let a single-asset reference repeat (default programming) instead of airing once
     */
    AssignmentPlayer open(AssignmentSpec assignment, boolean loopSingle) {
        return switch (assignment.contentType()) {
            case ASSET -> asset(assignment, loopSingle);
            case SERIES -> series(assignment);
            case RULE, RANDOM -> rule(assignment);
            case VIRTUAL_PACKAGE -> virtualPackage(assignment);
        };
    }

    private AssignmentPlayer asset(AssignmentSpec assignment, boolean loopSingle) {
        Optional<CatalogAsset> asset = parseUuid(assignment.contentReference()).flatMap(day.catalog()::asset);
        if (asset.isEmpty()) {
            return broken(assignment, "asset '" + assignment.contentReference() + "' is not in the catalog");
        }
        String problem = asset.get().eligible() ? null : "asset " + EpisodeOrder.label(asset.get())
                + " is not eligible (state " + asset.get().state() + ", approved "
                + asset.get().approvedForBroadcast() + ", deleted " + asset.get().deleted() + ")";
        return new AssignmentPlayer(day, assignment, AssignmentPlayer.Mode.SINGLE, false, PlayOrder.of(List.of(asset.get())),
                "asset " + EpisodeOrder.label(asset.get()), problem, loopSingle);
    }

    private AssignmentPlayer series(AssignmentSpec assignment) {
        List<CatalogAsset> episodes = day.catalog().series(assignment.contentReference());
        String source = "series '" + assignment.contentReference() + "'";
        EpisodePolicy policy = policy(assignment, assignment.playbackRules().random() ? EpisodePolicy.RANDOM
                : EpisodePolicy.SEQUENTIAL);
        return byPolicy(assignment, policy, episodes, false, true, source);
    }

    private AssignmentPlayer rule(AssignmentSpec assignment) {
        List<CatalogAsset> matches = ruleMatches(assignment.rule());
        boolean random = assignment.contentType() == ContentType.RANDOM || assignment.playbackRules().random();
        EpisodePolicy policy = random ? EpisodePolicy.RANDOM : policy(assignment,
                assignment.playbackRules().sequential() ? EpisodePolicy.SEQUENTIAL : EpisodePolicy.LEAST_RECENTLY_USED);
        return byPolicy(assignment, policy, matches, false, assignment.rule().freshness() == null, "rule " + ruleName(assignment));
    }

    private AssignmentPlayer virtualPackage(AssignmentSpec assignment) {
        Optional<VirtualAssetSpec> virtual = parseUuid(assignment.contentReference())
                .flatMap(day.catalog()::virtualAsset);
        if (virtual.isEmpty()) {
            return broken(assignment, "virtual asset '" + assignment.contentReference() + "' is not defined");
        }
        boolean ruleBased = virtual.get().ruleBased();
        List<CatalogAsset> members = ruleBased ? ruleMatches(virtual.get().rule())
                : fixedMembers(virtual.get(), assignment);
        EpisodePolicy fallback = assignment.playbackRules().random() ? EpisodePolicy.RANDOM
                : EpisodePolicy.SEQUENTIAL;
        String source = "virtual package '" + virtual.get().title() + "'";
        return byPolicy(assignment, policy(assignment, fallback), members, !ruleBased,
                ruleBased && virtual.get().rule().freshness() == null, source);
    }

    /**
     * @param assets     candidates in their natural order (S/E order, or a fixed package order)
     * @param fixedOrder keep {@code assets}' order for syndication too (virtual packages)
     * @param kept       {@code assets} is a list the catalog keeps and hands out again, so its order is shared
     */
    private AssignmentPlayer byPolicy(AssignmentSpec assignment, EpisodePolicy policy, List<CatalogAsset> assets,
                                      boolean fixedOrder, boolean kept, String source) {
        String described = source + " (" + policy.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
        return switch (policy) {
            case SEQUENTIAL -> ordered(assignment, kept ? PlayOrder.shared(day.catalog(), assets, false) : PlayOrder.of(assets),
                    described);
            case SYNDICATION -> ordered(assignment, PlayOrder.of(fixedOrder ? assets : sorted(assets, EpisodeOrder.SYNDICATION)),
                    described);
            case RANDOM -> chosen(assignment, AssignmentPlayer.Mode.RANDOM, false, candidates(assets, kept), described);
            case SEASONAL -> chosen(assignment, AssignmentPlayer.Mode.RANKED, true, candidates(assets, kept), described);
            case LEAST_RECENTLY_USED -> chosen(assignment, AssignmentPlayer.Mode.RANKED, false, candidates(assets, kept), described);
        };
    }

    /** The eligible ones of {@code assets}, in their order. */
    private PlayOrder candidates(List<CatalogAsset> assets, boolean kept) {
        return kept ? PlayOrder.shared(day.catalog(), assets, true) : PlayOrder.of(PlayOrder.eligible(assets));
    }

    private AssignmentPlayer ordered(AssignmentSpec assignment, PlayOrder order, String source) {
        return new AssignmentPlayer(day, assignment, AssignmentPlayer.Mode.ORDERED, false, order, source, null,
                false);
    }

    private AssignmentPlayer chosen(AssignmentSpec assignment, AssignmentPlayer.Mode mode, boolean seasonal,
                                    PlayOrder candidates, String source) {
        return new AssignmentPlayer(day, assignment, mode, seasonal, candidates, source, null, false);
    }

    private AssignmentPlayer broken(AssignmentSpec assignment, String problem) {
        return new AssignmentPlayer(day, assignment, AssignmentPlayer.Mode.SINGLE, false, PlayOrder.of(List.of()), problem,
                problem, false);
    }

    private List<CatalogAsset> fixedMembers(VirtualAssetSpec virtual, AssignmentSpec assignment) {
        List<CatalogAsset> members = new ArrayList<>();
        for (UUID uuid : virtual.assetUuids()) {
            Optional<CatalogAsset> member = day.catalog().asset(uuid);
            if (member.isPresent()) {
                members.add(member.get());
            } else {
                day.log().warn(Decision.Kind.SKIPPED, day.dayStart(), assignment.id(), uuid, "virtual package '"
                        + virtual.title() + "' lists asset " + uuid + " which is not in the catalog; skipped");
            }
        }
        return members;
    }

    /** Programmes (episodes, movies) the rule matches, in season/episode order. */
    private List<CatalogAsset> ruleMatches(ContentRule rule) {
        return ruleMatches.computeIfAbsent(rule, r -> day.catalog().matching(r, day.dayStart(), AssetKind.PROGRAMME_KINDS));
    }

    private static EpisodePolicy policy(AssignmentSpec assignment, EpisodePolicy fallback) {
        if (assignment.episodePolicy() != null) {
            return assignment.episodePolicy();
        }
        return assignment.playbackRules().rotation() != null ? assignment.playbackRules().rotation() : fallback;
    }

    private static List<CatalogAsset> sorted(List<CatalogAsset> assets, Comparator<CatalogAsset> order) {
        List<CatalogAsset> copy = new ArrayList<>(assets);
        copy.sort(order);
        return copy;
    }

    private static String ruleName(AssignmentSpec assignment) {
        return assignment.contentReference() != null ? "'" + assignment.contentReference() + "'"
                : assignment.rule().toString();
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
