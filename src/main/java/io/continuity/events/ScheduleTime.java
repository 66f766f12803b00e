package io.continuity.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A schedule-time "HH:MM" from 00:00 to 24:00 inclusive, two digits each ("7:5" and "24:30" are invalid). */
@Documented
@Constraint(validatedBy = ScheduleTime.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ScheduleTime {

    String message() default "must be a time \"HH:MM\" between 00:00 and 24:00";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the format; {@code null} is left to {@code @NotNull}. */
    class Validator implements ConstraintValidator<ScheduleTime, String> {
        private static final Pattern HH_MM = Pattern.compile("(?:[01]\\d|2[0-3]):[0-5]\\d|24:00");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || HH_MM.matcher(value).matches();
        }
    }
}
