package io.continuity.asrun;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.continuity.api.Roles;
import io.continuity.asrun.AsRunViews.AsRunView;
import io.continuity.asrun.AsRunViews.ReconciliationView;
import io.continuity.playlog.CurrentSchedule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read side of the playout loop: what a channel aired, and how that compares with what was planned. */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class AsRunQueryResource {

    private final EntityManager em;
    private final Clock clock;
    private final CurrentSchedule current;

    public AsRunQueryResource(EntityManager em, Clock clock, CurrentSchedule current) {
        this.em = em;
        this.current = current;
        this.clock = clock;
    }

    /** As-run entries that started in [from, to), in airing order. */
    @GET
    @Path("/as-run")
    public List<AsRunView> asRun(@PathParam("channelId") UUID channelId, @QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.parse(from, to, clock.instant());
        return AsRunLogEntryEntity.between(channelId, range.from(), range.to()).stream().map(AsRunView::of).toList();
    }

    /** Outcomes of events planned (EXTRA: entries aired) to start in [from, to), in time order. */
    @GET
    @Path("/reconciliation")
    public List<ReconciliationView> reconciliation(@PathParam("channelId") UUID channelId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        TimeRange range = TimeRange.parse(from, to, clock.instant());
        List<Object[]> rows = em.createQuery("""
                select r, a.assetUuid from ReconciliationResultEntity r
                left join AsRunLogEntryEntity a on a.id = r.asRunId
                where r.channelId = ?1 and coalesce(r.plannedStartUtc, r.actualStartUtc) >= ?2 and coalesce(r.plannedStartUtc, r.actualStartUtc) < ?3
                order by coalesce(r.plannedStartUtc, r.actualStartUtc), r.outcome, r.id""", Object[].class)
                .setParameter(1, channelId).setParameter(2, range.from()).setParameter(3, range.to())
                .getResultList();
        Map<UUID, UUID> planned = current.assetsOf(channelId, rows.stream().map(row -> ((ReconciliationResultEntity) row[0]).playlogEventUuid)
                .filter(Objects::nonNull).distinct().toList());
        return rows.stream().map(row -> {
            ReconciliationResultEntity r = (ReconciliationResultEntity) row[0];
            return ReconciliationView.of(r, r.playlogEventUuid == null ? null : planned.get(r.playlogEventUuid), (UUID) row[1]);
        }).toList();
    }
}
