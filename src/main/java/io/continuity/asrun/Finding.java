package io.continuity.asrun;

import java.time.Instant;
import java.util.UUID;

/**
 * One outcome of judging a planned event or an as-run entry.
 *
 * @param asRunId        the as-run entry the outcome rests on, null when none exists (MISSING without any entry)
 * @param airedAssetUuid what aired, null when nothing did
 * @param deltaMs        actual minus planned, in milliseconds: the start for OK, LATE_START and SUBSTITUTED, the end
 *                       for EARLY_END (negative when early); null for MISSING and EXTRA
 */
record Finding(Outcome outcome, UUID asRunId, UUID airedAssetUuid, Instant actualStart, Instant actualEnd, Long deltaMs, String detail) {
}
