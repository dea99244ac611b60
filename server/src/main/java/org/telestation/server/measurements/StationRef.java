package org.telestation.server.measurements;

import java.util.UUID;

/** A station as the ingestion and live code need it: its id and the code it authenticates with. */
public record StationRef(UUID id, String code) {
}
