package io.continuity.override;

import io.continuity.events.OverrideRequested;
import io.continuity.events.ReasonCode;
import io.continuity.events.RejectedEventException;
import io.continuity.resolver.core.OverrideAction;

/** The fields each override action needs; shared by the REST command and the Kafka consumer. */
public final class OverrideRequests {

    private OverrideRequests() {
    }

    /** How the schedule resumes after an INSERT: NEXT_EVENT unless the request says JOIN_IN_PROGRESS. */
    public static OverrideAction.Resume resume(OverrideRequested r) {
        return r.resume() == null ? OverrideAction.Resume.NEXT_EVENT : r.resume();
    }

    public static void validateShape(OverrideRequested r) {
        switch (r.action()) {
            case REPLACE -> {
                require(r.targetEventUuid(), "target_event_uuid", "REPLACE");
                require(r.assetUuid(), "asset_uuid", "REPLACE");
            }
            case CANCEL -> require(r.targetEventUuid(), "target_event_uuid", "CANCEL");
            case INSERT -> {
                require(r.assetUuid(), "asset_uuid", "INSERT");
                require(r.startUtc(), "start_utc", "INSERT");
            }
            case RETIME -> {
                require(r.targetEventUuid(), "target_event_uuid", "RETIME");
                require(r.startUtc(), "start_utc", "RETIME");
            }
        }
        if (r.startUtc() != null && r.endUtc() != null && !r.endUtc().isAfter(r.startUtc())) {
            throw new RejectedEventException(ReasonCode.INVALID_VALUE, "end_utc", "must be after start_utc");
        }
    }

    private static void require(Object value, String field, String action) {
        if (value == null) {
            throw new RejectedEventException(ReasonCode.MISSING_FIELD, field, "is required for " + action);
        }
    }
}
