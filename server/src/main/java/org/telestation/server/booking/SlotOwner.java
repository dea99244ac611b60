package org.telestation.server.booking;

import java.util.UUID;

/**
 * Whose agenda: a site (a room, a pharmacy cabin…) or a station (a briefcase for home visits). Exactly one is set,
 * like the {@code *_owner} check constraints of the booking tables.
 */
public record SlotOwner(UUID siteId, UUID stationId) {

    public SlotOwner {
        if ((siteId == null) == (stationId == null)) {
            throw new IllegalArgumentException("exactly one of site and station");
        }
    }

    public static SlotOwner site(UUID id) {
        return new SlotOwner(id, null);
    }

    public static SlotOwner station(UUID id) {
        return new SlotOwner(null, id);
    }

    public boolean isStation() {
        return stationId != null;
    }

    public UUID id() {
        return siteId != null ? siteId : stationId;
    }

    /** SQL condition on a table with {@code site_id} / {@code station_id} columns, bound to {@code :owner}. */
    String column() {
        return siteId != null ? "site_id" : "station_id";
    }
}
