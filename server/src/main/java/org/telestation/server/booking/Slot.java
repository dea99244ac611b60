package org.telestation.server.booking;

import java.time.Instant;
import java.util.UUID;

/** FHIR Slot. {@code free} is derived: not blocked and no appointment holding it. */
public record Slot(UUID id, SlotOwner owner, Instant start, Instant end, String serviceType, boolean blocked,
                   boolean free) {
}
