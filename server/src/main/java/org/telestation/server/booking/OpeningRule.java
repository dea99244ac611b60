package org.telestation.server.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** FHIR Schedule, in weekly form: the owner opens on this day of the week between these local times. */
public record OpeningRule(UUID id, SlotOwner owner, DayOfWeek dayOfWeek, LocalTime start, LocalTime end,
                          int slotMinutes, String serviceType) {
}
