package org.telestation.server.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An appointment as staff see it (agenda, patient file). Holds the patient's display name: read it only where the
 * reader is allowed to, and audit the read.
 */
public record AgendaEntry(UUID id, UUID slotId, UUID patientId, String patientName, Instant start, Instant end,
                          LocalDate poolDay, BookingModel.Channel channel, BookingModel.AppointmentStatus status,
                          String reason, boolean homeVisit, String homeAddress, UUID nurseId, String nurseName,
                          UUID stationId, String stationName, UUID siteId, String siteName) {

    public String placeName() {
        return siteName != null ? siteName : stationName;
    }
}
