package io.continuity.resolver;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.continuity.inputs.ChannelEntity;
import io.continuity.config.ContinuityConfig;
import io.continuity.messaging.PartitionTracker;
import io.continuity.resolver.core.AssetKind;
import io.continuity.resolver.core.AssignmentSpec;
import io.continuity.resolver.core.BroadcastDays;
import io.continuity.resolver.core.CatalogAsset;
import io.continuity.resolver.core.CatalogView;
import io.continuity.resolver.core.ChannelSpec;
import io.continuity.resolver.core.ContentRef;
import io.continuity.resolver.core.ContentRule;
import io.continuity.resolver.core.PlanSpec;
import io.continuity.resolver.core.VirtualAssetSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Which channels and broadcast days a batch of catalog changes can affect, and the resolution requests for exactly
 * those: a channel is affected where an assignment of a plan that applies on the day (series, asset, rule, random or
 * virtual package), its filler rule or its default programming can select the asset as it was before or as it is now
 * (a filler or default-programming match affects every day). Unaffected channels and days are not resolved at all.
 */
@ApplicationScoped
public class CatalogImpact {

    private static final Logger LOG = Logger.getLogger(CatalogImpact.class);
    private static final Set<AssetKind> ANY_KIND = EnumSet.allOf(AssetKind.class);

    /** One catalog change: the asset before and after (either may be null), or a virtual asset redefined. */
    public record Change(CatalogAsset before, CatalogAsset after, UUID virtualAsset, String cause) {
    }

    private final EntityManager em;
    private final ResolutionRequests requests;
    private final PartitionTracker partitions;
    private final CatalogSnapshots catalogs;
    private final Clock clock;
    private final ContinuityConfig config;

    public CatalogImpact(EntityManager em, ResolutionRequests requests, PartitionTracker partitions, CatalogSnapshots catalogs, Clock clock,
            ContinuityConfig config) {
        this.em = em;
        this.requests = requests;
        this.partitions = partitions;
        this.catalogs = catalogs;
        this.clock = clock;
        this.config = config;
    }

    /** Requests the resolution of every channel-day the changes can affect; returns how many channels that is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int request(List<Change> changes, Instant at) {
        if (changes.isEmpty()) {
            return 0;
        }
        // only a virtual package needs the catalog: load it (all of it, when it changed) only if one is reached
        Supplier<CatalogView> catalog = memoized(catalogs::current);
        Instant now = clock.instant();
        // The batch's own writes go out first; every channel, plan and assignment read here is detached once mapped, so the
        // flush before each request below does not dirty-check them all (at 1,000 channels ~32,000 entities, once per
        // affected channel: most of a catalog batch's time in B2's profile).
        em.flush();
        Map<UUID, List<PlanSpec>> plans = ChannelInputs.plansByChannel(em);
        List<ChannelEntity> live = ChannelEntity.list("retired = false order by id");
        List<ChannelSpec> specs = live.stream().map(CoreMapping::channel).toList();
        live.forEach(em::detach);
        int channels = 0;
        for (ChannelSpec spec : specs) {
            List<LocalDate> horizon = horizon(spec, now);
            Set<LocalDate> days = new TreeSet<>();
            List<String> causes = new ArrayList<>();
            for (Change change : changes) {
                Set<LocalDate> hit = affected(spec, plans.getOrDefault(spec.id(), List.of()), change, catalog, horizon);
                if (!hit.isEmpty()) {
                    days.addAll(hit);
                    causes.add(change.cause());
                }
            }
            if (!days.isEmpty()) {
                requests.request(spec.id(), partitions.planPartitionOf(spec.id()), "catalog change", at, days, causes);
                channels++;
            }
        }
        LOG.debugf("%d catalog change(s) affect %d channel(s)", changes.size(), channels);
        return channels;
    }

    private static <T> Supplier<T> memoized(Supplier<T> source) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
    }

    private List<LocalDate> horizon(ChannelSpec spec, Instant now) {
        LocalDate today = BroadcastDays.broadcastDayOf(spec, now);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= config.horizon().days(); i++) {
            days.add(today.plusDays(i));
        }
        return days;
    }

    /** The horizon days on which the change can alter what the channel airs. */
    static Set<LocalDate> affected(ChannelSpec spec, List<PlanSpec> plans, Change change, Supplier<CatalogView> catalog, List<LocalDate> horizon) {
        Instant[] references = {BroadcastDays.dayStart(spec, horizon.get(0)), BroadcastDays.dayEnd(spec, horizon.get(horizon.size() - 1))};
        if (matches(spec.fillerRule(), change, references) || selects(spec.defaultProgramming(), change, catalog, references)) {
            return new TreeSet<>(horizon);
        }
        Set<LocalDate> days = new TreeSet<>();
        for (PlanSpec plan : plans) {
            boolean selects = plan.assignments().stream().anyMatch(a -> selects(a, change, catalog, references));
            if (selects) {
                horizon.stream().filter(plan::matches).forEach(days::add);
                // a plan's assignment may run past the day end and carry over into the next day
                horizon.stream().filter(d -> plan.matches(d.minusDays(1))).forEach(days::add);
            }
        }
        return days;
    }

    private static boolean selects(AssignmentSpec a, Change change, Supplier<CatalogView> catalog, Instant[] references) {
        return switch (a.contentType()) {
            case ASSET -> names(a.contentReference(), change);
            case SERIES -> inSeries(a.contentReference(), change.before()) || inSeries(a.contentReference(), change.after());
            case RULE, RANDOM -> matches(a.rule(), change, references);
            case VIRTUAL_PACKAGE -> inVirtual(a.contentReference(), change, catalog, references);
        };
    }

    private static boolean selects(ContentRef ref, Change change, Supplier<CatalogView> catalog, Instant[] references) {
        if (ref == null) {
            return false;
        }
        return switch (ref.type()) {
            case ASSET -> names(ref.reference(), change);
            case SERIES -> inSeries(ref.reference(), change.before()) || inSeries(ref.reference(), change.after());
            case RULE, RANDOM -> matches(ref.rule(), change, references);
            case VIRTUAL_PACKAGE -> inVirtual(ref.reference(), change, catalog, references);
        };
    }

    private static boolean names(String reference, Change change) {
        return reference != null && (change.before() != null && reference.equalsIgnoreCase(change.before().uuid().toString())
                || change.after() != null && reference.equalsIgnoreCase(change.after().uuid().toString()));
    }

    private static boolean inSeries(String reference, CatalogAsset asset) {
        return asset != null && reference != null
                && (reference.equals(asset.seriesId()) || asset.seriesTitle() != null && reference.equalsIgnoreCase(asset.seriesTitle()));
    }

    private static boolean matches(ContentRule rule, Change change, Instant[] references) {
        ContentRule r = rule == null ? ContentRule.any() : rule;
        for (Instant reference : references) {
            if (r.matches(change.before(), reference, ANY_KIND) || r.matches(change.after(), reference, ANY_KIND)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inVirtual(String reference, Change change, Supplier<CatalogView> catalog, Instant[] references) {
        UUID uuid;
        try {
            uuid = UUID.fromString(reference);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        if (uuid.equals(change.virtualAsset())) {
            return true;
        }
        VirtualAssetSpec virtual = catalog.get().virtualAsset(uuid).orElse(null);
        if (virtual == null) {
            return false;
        }
        if (virtual.ruleBased()) {
            return matches(virtual.rule(), change, references);
        }
        return virtual.assetUuids().stream().anyMatch(id -> names(id.toString(), change));
    }

    /** A virtual asset's redefinition as a change of every asset it named before or names now. */
    static Change virtualChange(UUID virtualAsset, String cause) {
        return new Change(null, null, virtualAsset, cause);
    }
}
