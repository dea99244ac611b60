package org.telestation.server.booking;

import java.util.List;

/**
 * Why a booking operation was refused. Each carries message keys (i18n/booking*.properties) so pages and the JSON API
 * explain the refusal in the reader's language; none carries patient data.
 */
public abstract sealed class BookingException extends RuntimeException {

    /** A message key with its arguments. */
    public record Reason(String key, Object... args) {}

    private final transient List<Reason> reasons;

    BookingException(List<Reason> reasons) {
        super(reasons.isEmpty() ? "booking refused" : reasons.get(0).key());
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /** Bad input: a field missing, too long, malformed (400). */
    public static final class Invalid extends BookingException {
        public Invalid(List<Reason> reasons) {
            super(reasons);
        }

        public Invalid(String key, Object... args) {
            this(List.of(new Reason(key, args)));
        }
    }

    /** The patient is not eligible for this kind of booking (422). */
    public static final class NotEligible extends BookingException {
        public NotEligible(List<Reason> reasons) {
            super(reasons);
        }
    }

    /** Unknown slot, appointment, code or place (404). */
    public static final class NotFound extends BookingException {
        public NotFound(String key) {
            super(List.of(new Reason(key)));
        }
    }

    /** The slot is taken, past, closed, or the pool is full (409). */
    public static final class Conflict extends BookingException {
        public Conflict(String key, Object... args) {
            super(List.of(new Reason(key, args)));
        }
    }
}
