package io.continuity.events;

/**
 * Why one record or request was refused: a machine code, the field at fault (snake_case JSON path or header name,
 * may be {@code null}) and a sentence for a person.
 */
public record Rejection(ReasonCode code, String field, String detail) {

    public static Rejection of(ReasonCode code, String field, String detail) {
        return new Rejection(code, field, detail);
    }

    /** One line for logs and the {@code dlq-reason-detail} header. */
    public String describe() {
        return field == null ? detail : field + ": " + detail;
    }
}
