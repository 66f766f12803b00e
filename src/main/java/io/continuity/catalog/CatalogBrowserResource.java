package io.continuity.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.catalog.AssetResource.AssetView;
import io.continuity.inputs.CatalogAssetEntity;
import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.CurrentSchedule;
import io.continuity.resolver.CatalogSnapshots;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.CatalogAsset;
import io.continuity.resolver.core.ContentRule;
import io.continuity.resolver.core.RuleException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Query;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What a planner asks of the catalog before assigning content: a search with filters (text, kind, series, genre, tag,
 * eligibility), how many assets a content rule matches (the rule builder's live count), and for one asset where it is
 * scheduled next and, when it is not eligible, why. Read-only: the catalog changes only through its events.
 */
@Path("/api/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
public class CatalogBrowserResource {

    private static final int MAX_PAGE = 200;
    private static final int SAMPLE = 10;
    private static final int MAX_UPCOMING = 50;

    private final CurrentSchedule schedule;
    private final CatalogSnapshots catalogs;
    private final Clock clock;

    public CatalogBrowserResource(CurrentSchedule schedule, CatalogSnapshots catalogs, Clock clock) {
        this.schedule = schedule;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** One page of a search and how many assets match in all. */
    public record SearchView(long total, int page, int size, List<AssetView> items) {
    }

    /** How many live assets a rule matches for a role, how many of them resolution may schedule, and the first few of those. */
    public record RuleMatchView(String role, int matching, int eligible, List<AssetView> sample) {
    }

    /** An event of the current playlog that plays the asset. */
    public record UpcomingView(UUID eventUuid, UUID channelId, String kind, Instant startUtc, Instant endUtc, String broadcastDay,
            UUID planId, UUID assignmentId) {

        static UpcomingView of(BroadcastPlaylogEventEntity e) {
            return new UpcomingView(e.uuid, e.channelId, e.kind, e.startUtc, e.endUtc, e.broadcastDay, e.planId, e.assignmentId);
        }
    }

    /** Whether an asset may be scheduled, why not, and where the current playlog plays it next. */
    public record AssetScheduleView(UUID assetUuid, String title, boolean eligible, List<String> ineligibleBecause,
            List<UpcomingView> upcoming) {
    }

    @GET
    @Path("/search")
    @Operation(summary = "Live assets matching every filter given: q (in title, series or episode title), kind, series_id, genre, tag, eligible")
    public SearchView search(@QueryParam("q") String text, @QueryParam("kind") String kind, @QueryParam("series_id") String seriesId,
            @QueryParam("genre") String genre, @QueryParam("tag") String tag, @QueryParam("eligible") Boolean eligible,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw ProblemException.badParameter("page", "must not be negative");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.badParameter("size", "must be 1 to " + MAX_PAGE);
        }
        if (kind != null && !kind.isBlank()) {
            parseKind("kind", kind);
        }
        AssetFilter filter = AssetFilter.of(text, kind, seriesId, genre, tag, eligible);
        return QuarkusTransaction.requiringNew().call(() -> {
            Query count = filter.bind(CatalogAssetEntity.getEntityManager().createNativeQuery("SELECT count(*) FROM catalog_asset" + filter.where()));
            Query rows = filter.bind(CatalogAssetEntity.getEntityManager().createNativeQuery(
                    "SELECT * FROM catalog_asset" + filter.where() + " ORDER BY title, uuid", CatalogAssetEntity.class));
            rows.setFirstResult(page * size).setMaxResults(size);
            @SuppressWarnings("unchecked")
            List<CatalogAssetEntity> found = rows.getResultList();
            return new SearchView(((Number) count.getSingleResult()).longValue(), page, size, found.stream().map(AssetView::of).toList());
        });
    }

    /**
     * Counted on the catalog snapshot resolution uses ({@link CatalogSnapshots}) with the resolver's own rule matching, so the
     * count is of the very assets resolution would pick from, and a request does not load the catalog again.
     */
    @POST
    @Path("/rule-matches")
    @Operation(summary = "How many live assets a content rule matches; role programme (rule and random assignments) or filler")
    public RuleMatchView ruleMatches(@QueryParam("role") @DefaultValue("programme") String role,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "comedies",
                    value = "{\"kind\": [\"episode\"], \"genre\": [\"Comedy\"], \"tags\": [\"prime\"]}"))) Map<String, Object> rule) {
        String roleName = role.toLowerCase(Locale.ROOT);
        Set<AssetKind> kinds = switch (roleName) {
            case "programme" -> AssetKind.PROGRAMME_KINDS;
            case "filler" -> AssetKind.INTERSTITIAL_KINDS;
            default -> throw ProblemException.badParameter("role", "must be programme or filler");
        };
        ContentRule parsed;
        try {
            parsed = ContentRule.fromMap(rule == null ? Map.of() : rule);
        } catch (RuleException e) {
            throw ProblemException.badParameter("content_reference." + e.key(), e.getMessage());
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<CatalogAsset> matching = catalogs.current().matching(parsed, now, kinds);
            List<UUID> eligible = matching.stream().filter(CatalogAsset::eligible).map(CatalogAsset::uuid).toList();
            return new RuleMatchView(roleName, matching.size() - retired(matching), eligible.size(), firstByTitle(eligible));
        });
    }

    /**
     * How many of {@code assets} are retired. The resolver's view folds {@code is_retired} into "deleted" (neither may air), while
     * the count is of live assets, deleted ones included; so the few the view marks deleted are looked up.
     */
    private static int retired(List<CatalogAsset> assets) {
        UUID[] flagged = assets.stream().filter(CatalogAsset::deleted).map(CatalogAsset::uuid).toArray(UUID[]::new);
        if (flagged.length == 0) {
            return 0;
        }
        return ((Number) CatalogAssetEntity.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM catalog_asset WHERE is_retired AND uuid = ANY (?1)")
                .setParameter(1, flagged).getSingleResult()).intValue();
    }

    /** The first of {@code uuids} by title (in the database's collation, as a search lists them), then uuid. */
    private static List<AssetView> firstByTitle(List<UUID> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<CatalogAssetEntity> first = CatalogAssetEntity.getEntityManager()
                .createNativeQuery("SELECT * FROM catalog_asset WHERE uuid = ANY (?1) ORDER BY title, uuid LIMIT ?2", CatalogAssetEntity.class)
                .setParameter(1, uuids.toArray(UUID[]::new)).setParameter(2, SAMPLE).getResultList();
        return first.stream().map(AssetView::of).toList();
    }

    @GET
    @Path("/{assetUuid}/schedule")
    @Operation(summary = "Where the current playlog plays the asset next (from now), and why it is not eligible when it is not")
    public AssetScheduleView schedule(@PathParam("assetUuid") UUID assetUuid, @QueryParam("limit") @DefaultValue("10") int limit) {
        if (limit < 1 || limit > MAX_UPCOMING) {
            throw ProblemException.badParameter("limit", "must be 1 to " + MAX_UPCOMING);
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            CatalogAssetEntity asset = CatalogAssetEntity.findById(assetUuid);
            if (asset == null) {
                throw ProblemException.notFound("no asset " + assetUuid);
            }
            List<UpcomingView> upcoming = schedule.upcomingOfAsset(assetUuid, now, limit).stream().map(UpcomingView::of).toList();
            return new AssetScheduleView(asset.uuid, asset.title, asset.eligible(), reasons(asset), upcoming);
        });
    }

    /** Each condition of eligibility the asset fails, in words a planner can act on. */
    static List<String> reasons(CatalogAssetEntity asset) {
        List<String> reasons = new ArrayList<>();
        if (!"ready".equals(asset.state)) {
            reasons.add("its media is not ready (state " + asset.state + ")");
        }
        if (!asset.approvedForBroadcast) {
            reasons.add("it is not approved for broadcast");
        }
        if (asset.deleted) {
            reasons.add("it is marked deleted (is_deleted)");
        }
        if (asset.retired) {
            reasons.add("it is retired");
        }
        return reasons;
    }

    private static AssetKind parseKind(String field, String value) {
        try {
            return AssetKind.parse(field, value);
        } catch (RuleException e) {
            throw ProblemException.badParameter(field, e.getMessage());
        }
    }
}
