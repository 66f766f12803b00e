package io.continuity.api;

/** A request that cannot be served, answered as RFC 7807 problem+json naming the field at fault. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final String code;

    public ProblemException(int status, String title, String code, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.code = code;
        this.field = field;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", "not_found", null, what);
    }

    public static ProblemException badParameter(String field, String detail) {
        return new ProblemException(400, "Bad Request", "invalid_value", field, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
