package org.telestation.server.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A closure (holiday, absence; the whole day when {@code start} is null) or an extra opening on one day.
 *
 * @param slotMinutes slot length of an extra opening; null means the default
 */
public record ScheduleException(UUID id, SlotOwner owner, LocalDate day, BookingModel.ExceptionKind kind,
                                LocalTime start, LocalTime end, Integer slotMinutes, String label) {

    public boolean wholeDay() {
        return start == null;
    }
}
