package org.telestation.server.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems, then throws them all at once, so a form shows every mistake in one round trip. */
public final class Validation {

    private final List<ValidationException.FieldProblem> problems = new ArrayList<>();

    public Validation require(boolean condition, String field, String messageKey) {
        if (!condition) {
            problems.add(new ValidationException.FieldProblem(field, messageKey));
        }
        return this;
    }

    /** A mandatory text of at most {@code max} characters. */
    public Validation text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new ValidationException.FieldProblem(field, "validation.required"));
        } else {
            optionalText(value, field, max);
        }
        return this;
    }

    /** An optional text of at most {@code max} characters. */
    public Validation optionalText(String value, String field, int max) {
        if (value != null && value.length() > max) {
            problems.add(new ValidationException.FieldProblem(field, "validation.too-long"));
        }
        return this;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
