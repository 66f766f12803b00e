package io.continuity.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An IANA time-zone region id such as "America/New_York" (fixed offsets like "+02:00" are refused). */
@Documented
@Constraint(validatedBy = IanaZone.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IanaZone {

    String message() default "must be an IANA time zone such as \"America/New_York\"";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts region ids the JDK's tz database knows. */
    class Validator implements ConstraintValidator<IanaZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.contains("/") && ZoneId.getAvailableZoneIds().contains(value) || "UTC".equals(value);
        }
    }
}
