package io.continuity.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem body, with Continuity's reason {@code code} and the {@code field} at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String code, String field, String detail) {
        return new Problem("https://continuity.io/problems/" + code, title, status, detail, code, field);
    }
}
