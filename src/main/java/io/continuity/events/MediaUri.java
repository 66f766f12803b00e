package io.continuity.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A media location a ChannelManager can open: an absolute {@code file:} URI with an absolute path and no query, or an
 * {@code http:}/{@code https:} URI with a host. Null is valid (use {@code @NotBlank} to require one).
 */
@Documented
@Constraint(validatedBy = MediaUri.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MediaUri {

    String message() default "must be an absolute file:///path, http:// or https:// URI";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the URI's syntax only; whether the file exists is the ChannelManager's concern (its fallback list). */
    final class Validator implements ConstraintValidator<MediaUri, String> {

        private static final Set<String> SCHEMES = Set.of("file", "http", "https");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return valid(value);
        }

        /** Whether {@code value} is a media URI this contract accepts. */
        public static boolean valid(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                return false;
            }
            if (!uri.isAbsolute() || uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                return false;
            }
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                return uri.getPath() != null && uri.getPath().startsWith("/") && uri.getQuery() == null
                        && (uri.getAuthority() == null || "localhost".equals(uri.getAuthority()));
            }
            return uri.getHost() != null;
        }
    }
}
