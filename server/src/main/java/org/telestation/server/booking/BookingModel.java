package org.telestation.server.booking;

/** Enumerations shared by the booking records. */
public final class BookingModel {
    private BookingModel() {}

    /** How an appointment was made. */
    public enum Channel { ONLINE, PHONE, SAME_DAY }

    /** FHIR R4 Appointment.status (standards.md §4.3), stored as the FHIR code. */
    public enum AppointmentStatus {
        PROPOSED("proposed"), PENDING("pending"), BOOKED("booked"), ARRIVED("arrived"), FULFILLED("fulfilled"),
        CANCELLED("cancelled"), NOSHOW("noshow"), ENTERED_IN_ERROR("entered-in-error"), CHECKED_IN("checked-in"),
        WAITLIST("waitlist");

        private final String code;

        AppointmentStatus(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Whether the appointment holds its slot (the database index uses the same list). */
        public boolean holdsSlot() {
            return this != CANCELLED && this != ENTERED_IN_ERROR;
        }

        public static AppointmentStatus fromCode(String code) {
            for (AppointmentStatus s : values()) {
                if (s.code.equals(code)) return s;
            }
            throw new IllegalArgumentException("unknown appointment status");
        }
    }

    /** Why a patient may be visited at home with a briefcase (product brief, workflow 2). */
    public enum HomeVisitBasis { ALD_OVER_65_CANNOT_TRAVEL, DISABLED_ADULT, NO_MT_CANNOT_TRAVEL }

    /** Kind of exception to the weekly rules. */
    public enum ExceptionKind { CLOSURE, OPENING }
}
