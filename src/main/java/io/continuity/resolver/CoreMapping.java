package io.continuity.resolver;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.continuity.inputs.CatalogAssetRow;
import io.continuity.inputs.VirtualAssetEntity;
import io.continuity.inputs.ChannelEntity;
import io.continuity.events.EventJson;
import io.continuity.inputs.SchedulePlanBlockAssignmentEntity;
import io.continuity.inputs.SchedulePlanEntity;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.AssignmentSpec;
import io.continuity.resolver.core.CatalogAsset;
import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.ContentRef;
import io.continuity.resolver.core.ContentRule;
import io.continuity.resolver.core.ContentType;
import io.continuity.resolver.core.EpisodePolicy;
import io.continuity.resolver.core.PlanSpec;
import io.continuity.resolver.core.PlaybackRules;
import io.continuity.resolver.core.VirtualAssetSpec;

/** Turns projection rows into the resolver core's plain inputs. The one boundary between JPA and the core. */
public final class CoreMapping {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private CoreMapping() {
    }

    public static ChannelSpec channel(ChannelEntity c) {
        return new ChannelSpec(c.id, c.slug, ZoneId.of(c.timezone), c.gridBlockMinutes, List.copyOf(c.blockStartOffsetsMinutes),
                LocalTime.parse(c.programmingDayStart), ContentRule.fromMap(map(c.fillerRule)), defaultProgramming(c.defaultProgramming));
    }

    private static ContentRef defaultProgramming(String json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> value = map(json);
        ContentType type = ContentType.parse(String.valueOf(value.get("content_type")));
        Object reference = value.get("content_reference");
        if (type == ContentType.RULE || type == ContentType.RANDOM) {
            return new ContentRef(type, null, ContentRule.fromMap(reference instanceof Map<?, ?> ? cast(reference) : map(String.valueOf(reference))));
        }
        return new ContentRef(type, String.valueOf(reference), null);
    }

    public static PlanSpec plan(SchedulePlanEntity p, List<SchedulePlanBlockAssignmentEntity> assignments) {
        return new PlanSpec(p.id, p.name, p.priority, p.createdSequence, p.cronExpression, p.startDate, p.endDate, p.active,
                assignments.stream().map(CoreMapping::assignment).toList());
    }

    public static AssignmentSpec assignment(SchedulePlanBlockAssignmentEntity a) {
        ContentType type = ContentType.parse(a.contentType);
        boolean ruleBased = type == ContentType.RULE || type == ContentType.RANDOM;
        return new AssignmentSpec(a.id, a.planId, a.startMinute, a.duration, type, ruleBased ? null : a.contentReference,
                ruleBased ? ContentRule.fromMap(map(a.contentReference)) : null,
                a.episodePolicy == null ? null : EpisodePolicy.parse("episode_policy", a.episodePolicy),
                a.playbackRules == null ? PlaybackRules.none() : PlaybackRules.fromMap(map(a.playbackRules)));
    }

    public static CatalogAsset asset(CatalogAssetRow a) {
        return new CatalogAsset(a.uuid(), a.title(), AssetKind.parse("kind", a.kind()), a.durationMs(), a.seriesId(), a.seriesTitle(),
                a.season(), a.episode(), a.syndicationOrder(), a.episodeTitle(), a.genre(), a.rating(), new HashSet<>(a.tags()), a.addedAt(),
                a.state(), a.approvedForBroadcast(), a.deleted() || a.retired());
    }

    public static VirtualAssetSpec virtualAsset(VirtualAssetEntity v) {
        List<UUID> assets = v.assetUuids == null ? List.of() : v.assetUuids;
        return new VirtualAssetSpec(v.uuid, v.title, assets, v.rule == null ? null : ContentRule.fromMap(map(v.rule)));
    }

    static Map<String, Object> map(String json) {
        try {
            return EventJson.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
