package io.continuity.events;

import java.lang.annotation.Annotation;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Turns Jackson and Bean Validation paths into the snake_case JSON paths that rejections name. */
public final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** The snake_case JSON path of a Bean Validation property path ({@code blockStartOffsetsMinutes[2]}). */
    public static String of(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    && out.isEmpty() && node.getName().startsWith("arg")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(snake(node.getName()));
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static Rejection rejectionOf(ConstraintViolation<?> violation) {
        Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        String field = of(violation.getPropertyPath());
        boolean missing = violation.getInvalidValue() == null
                && (constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class);
        ReasonCode code;
        if (missing) {
            code = ReasonCode.MISSING_FIELD;
        } else if (constraint == ScheduleTime.class) {
            code = ReasonCode.INVALID_TIME;
        } else {
            code = ReasonCode.INVALID_VALUE;
        }
        String detail = missing ? "is required" : violation.getMessage();
        return Rejection.of(code, field, detail);
    }

    public static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
