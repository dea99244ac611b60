package org.telestation.server.platform;

import java.util.List;

/**
 * Business validation failed (422). Each problem names the field and an i18n message key, so screens show French text
 * next to the field and the API returns the same keys in its problem details.
 */
public class ValidationException extends RuntimeException {

    public record FieldProblem(String field, String messageKey) {}

    private final List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super("invalid: " + problems);
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String messageKey) {
        return new ValidationException(List.of(new FieldProblem(field, messageKey)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
