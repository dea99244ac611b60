package org.telestation.server.directory;

import java.util.UUID;

/** A place where teleconsultations happen (FHIR Location), with the local doctor the emergency button alerts. */
public record Site(UUID id, String name, Kind kind, String addressLine, String postalCode, String city, String phone,
                   String onCallDoctor, String onCallPhone, String onCallEmail, boolean active) {

    public enum Kind { TELECONSULTATION_ROOM, PHARMACY_CABIN, CARE_HOME, HEALTH_CENTRE, DISABILITY_CENTRE }

    /** Input for creating a site. */
    public record Draft(String name, Kind kind, String addressLine, String postalCode, String city, String phone,
                        String onCallDoctor, String onCallPhone, String onCallEmail) {}
}
