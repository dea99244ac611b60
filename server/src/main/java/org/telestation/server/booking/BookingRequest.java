package org.telestation.server.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a patient (online) or a coordinator (phone) submits to book a slot. Plain data: {@link BookingService} checks
 * every field and answers with message keys.
 *
 * @param ins                 INS matricule if the patient knows it (15 digits), optional
 * @param mtStatus            "DECLARED" (with {@code mtName}) or "NONE": the médecin traitant is recorded or explicitly absent
 * @param exclusions          codes of the exclusion criteria the patient ticked (any one refuses the booking)
 * @param cannotTravel        the patient cannot travel to a site (home visits)
 * @param consent             consent to the terms of teleconsultation
 */
public record BookingRequest(UUID slotId, String birthFamilyName, String birthGivenNames, LocalDate birthDate,
                             String sex, String ins, String phone, String email, String reason, String mtStatus,
                             String mtName, List<String> exclusions, boolean ald, boolean disability,
                             boolean cannotTravel, String homeAddressLine, String homePostalCode, String homeCity,
                             boolean consent) {

    public List<String> exclusions() {
        return exclusions == null ? List.of() : exclusions;
    }
}
