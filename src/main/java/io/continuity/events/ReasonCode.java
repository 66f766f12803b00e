package io.continuity.events;

import java.util.Locale;

/** Why a record was rejected; the lower-case name travels in the {@code dlq-reason} header and problem+json bodies. */
public enum ReasonCode {
    ENVELOPE_MISSING_HEADER,
    ENVELOPE_BAD_SPECVERSION,
    UNKNOWN_TYPE,
    UNSUPPORTED_VERSION,
    MALFORMED_JSON,
    NOT_AN_OBJECT,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    INVALID_TIME,
    INVALID_DURATION,
    OFF_GRID_START,
    OVERLAP,
    UNKNOWN_REFERENCE,
    VERSION_CONFLICT,
    KEY_MISMATCH,
    PAYLOAD_TOO_LARGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
