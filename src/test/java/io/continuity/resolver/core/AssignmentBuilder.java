package io.continuity.resolver.core;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/** Test builder for {@link AssignmentSpec}; start is schedule-time "HH:MM" ("24:00" allowed as an end only). */
final class AssignmentBuilder {

    private final int startMinute;
    private final int durationMinutes;
    private ContentType type;
    private String reference;
    private ContentRule rule;
    private EpisodePolicy policy;
    private PlaybackRules rules = PlaybackRules.none();

    private AssignmentBuilder(int startMinute, int durationMinutes) {
        this.startMinute = startMinute;
        this.durationMinutes = durationMinutes;
    }

    static AssignmentBuilder at(String scheduleTime, int durationMinutes) {
        LocalTime time = LocalTime.parse(scheduleTime);
        return new AssignmentBuilder(time.getHour() * 60 + time.getMinute(), durationMinutes);
    }

    AssignmentBuilder series(String seriesReference, EpisodePolicy episodePolicy) {
        type = ContentType.SERIES;
        reference = seriesReference;
        policy = episodePolicy;
        return this;
    }

    AssignmentBuilder asset(CatalogAsset asset) {
        type = ContentType.ASSET;
        reference = asset.uuid().toString();
        return this;
    }

    AssignmentBuilder rule(Map<String, Object> ruleMap) {
        type = ContentType.RULE;
        rule = ContentRule.fromMap(ruleMap);
        reference = ruleMap.toString();
        return this;
    }

    AssignmentBuilder random(Map<String, Object> ruleMap) {
        rule(ruleMap);
        type = ContentType.RANDOM;
        return this;
    }

    AssignmentBuilder virtualPackage(VirtualAssetSpec virtual) {
        type = ContentType.VIRTUAL_PACKAGE;
        reference = virtual.uuid().toString();
        return this;
    }

    AssignmentBuilder playback(Map<String, Object> playbackRules) {
        rules = PlaybackRules.fromMap(playbackRules);
        return this;
    }

    AssignmentSpec build(UUID planId) {
        UUID id = UUID.nameUUIDFromBytes(("assignment:" + planId + ":" + startMinute)
                .getBytes(StandardCharsets.UTF_8));
        return new AssignmentSpec(id, planId, startMinute, durationMinutes, type, reference, rule, policy, rules);
    }
}
