package io.continuity.resolver;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.continuity.resolver.core.OverrideAction;
import io.continuity.resolver.core.OverrideSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The applied overrides of a channel-day as inputs of resolution, in the order the log applied them. Each carries
 * what was fixed when it was applied (the target's window, the asset and its window), so applying it again to a newer
 * resolution gives the same result whatever the plans or the catalog say now.
 */
@ApplicationScoped
public class OverrideInputs {

    private final EntityManager em;

    public OverrideInputs(EntityManager em) {
        this.em = em;
    }

    /** Whether the channel has overrides kept until its resolution (read while catching up with the log). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasPending(UUID channelId) {
        return !em.createNativeQuery("SELECT 1 FROM playlog_override WHERE channel_id = ?1 AND status = 'PENDING' LIMIT 1")
                .setParameter(1, channelId).getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<OverrideSpec> ofDay(UUID channelId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, action, resume, asset_uuid, asset_title, asset_duration_ms, start_utc, effective_end_utc,
                       target_event_uuid, target_start_utc, target_end_utc, target_asset_uuid, target_title, target_assignment_id, target_plan_id
                FROM playlog_override WHERE channel_id = ?1 AND broadcast_day = ?2 AND status = 'APPLIED' ORDER BY sequence_no""",
                Object[].class).setParameter(1, channelId).setParameter(2, day).getResultList();
        return rows.stream().map(OverrideInputs::spec).toList();
    }

    private static OverrideSpec spec(Object[] r) {
        OverrideAction action = OverrideAction.valueOf((String) r[1]);
        OverrideSpec.Target target = r[8] == null ? null
                : new OverrideSpec.Target((UUID) r[8], instant(r[9]), instant(r[10]), (UUID) r[11], (String) r[12], (UUID) r[13],
                        (UUID) r[14]);
        OverrideSpec.Asset asset = r[3] == null ? null : new OverrideSpec.Asset((UUID) r[3], (String) r[4], ((Number) r[5]).longValue());
        Instant airStart = switch (action) {
            case REPLACE, CANCEL -> target.start();
            case INSERT, RETIME -> instant(r[6]);
        };
        Instant airEnd = switch (action) {
            case REPLACE, CANCEL -> target.end();
            case INSERT, RETIME -> instant(r[7]);
        };
        return new OverrideSpec((UUID) r[0], action, r[2] == null ? null : OverrideAction.Resume.valueOf((String) r[2]), asset, airStart,
                airEnd, target);
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof OffsetDateTime o ? o.toInstant()
                : ((Timestamp) value).toInstant();
    }
}
