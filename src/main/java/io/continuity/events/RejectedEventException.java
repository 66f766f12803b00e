package io.continuity.events;

/** A record or command that can never be applied as it is; carries the {@link Rejection} to report. */
public class RejectedEventException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedEventException(Rejection rejection) {
        super(rejection.code().code() + " - " + rejection.describe());
        this.rejection = rejection;
    }

    public RejectedEventException(ReasonCode code, String field, String detail) {
        this(Rejection.of(code, field, detail));
    }

    public Rejection rejection() {
        return rejection;
    }
}
