package org.telestation.devices.serial;

import java.time.Instant;

/**
 * A snapshot of a link for the station's device panel.
 *
 * @param state      where the link stands
 * @param diagnostic a sentence a nurse understands, saying what to check (never patient data)
 * @param since      when this state began
 * @param attempts   failed attempts to open the port since the last success
 */
public record ConnectionStatus(ConnectionState state, String diagnostic, Instant since, int attempts) {
}
