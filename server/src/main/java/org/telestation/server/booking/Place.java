package org.telestation.server.booking;

import java.util.UUID;

/** A bookable place as the patient sees it: a site, or a briefcase for home visits. */
public record Place(SlotOwner owner, String name, String kind, String city) {
    public UUID id() {
        return owner.id();
    }
}
