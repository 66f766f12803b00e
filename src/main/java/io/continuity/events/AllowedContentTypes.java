package io.continuity.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.continuity.resolver.core.ContentType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A content type limited to some of its values. A channel's default programming airs when nothing else can, so it must
 * name something that always resolves to content: an asset, a rule or a virtual package, never a series or a random
 * pick. The message lists the allowed wire names.
 */
@Documented
@Constraint(validatedBy = AllowedContentTypes.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedContentTypes {

    ContentType[] value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts the listed content types (and null, which {@code @NotNull} judges). */
    class Validator implements ConstraintValidator<AllowedContentTypes, ContentType> {
        private Set<ContentType> allowed;

        @Override
        public void initialize(AllowedContentTypes annotation) {
            allowed = EnumSet.copyOf(List.of(annotation.value()));
        }

        @Override
        public boolean isValid(ContentType value, ConstraintValidatorContext context) {
            return value == null || allowed.contains(value);
        }
    }
}
