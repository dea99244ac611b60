package org.telestation.devices.serial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fazecast.jSerialComm.SerialPort;
import org.telestation.devices.serial.contec.ContecV7Packet;

/**
 * Finds which protocol a port speaks. Protocols that share line settings are tried together on the same bytes
 * (Nonin and Masimo at 9600 8N1), then Contec V7 at 115200 (after sending "start real-time"), then the legacy
 * Contec at 19200 8O1. A protocol wins when its decoder found enough good frames and explained at least 90 % of
 * the bytes; when several qualify, the one explaining the most bytes wins (a DF2 stream contains byte runs that
 * look like DF8 frames, but DF8 cannot explain the whole stream).
 * Nonin DF13 only speaks when a spot-check completes, so it is found only if one happens during the probe.
 */
public final class ProtocolProber {

    private static final double MIN_EXPLAINED = 0.9;

    /** The outcome: the protocol found (or null) and what every candidate decoder saw. */
    public record ProbeResult(SerialProtocol protocol, Map<SerialProtocol, DecoderStats> stats, String diagnostic) {
    }

    private final Duration window;

    /** @param window how long to listen for each group of line settings (≥ 2.5 s to see two DF8 frames) */
    public ProtocolProber(Duration window) {
        this.window = window;
    }

    public ProbeResult probe(String portPath) {
        Map<SerialSettings, List<SerialProtocol>> groups = new LinkedHashMap<>();
        for (SerialProtocol p : SerialProtocol.values()) {
            groups.computeIfAbsent(p.settings(), s -> new ArrayList<>()).add(p);
        }
        Map<SerialProtocol, DecoderStats> seen = new EnumMap<>(SerialProtocol.class);
        for (Map.Entry<SerialSettings, List<SerialProtocol>> group : groups.entrySet()) {
            SerialPort port = SerialPort.getCommPort(portPath);
            group.getKey().effectiveFor(portPath).applyTo(port);
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 100, 0);
            if (!port.openPort()) {
                return new ProbeResult(null, seen, portPath + " could not be opened (error "
                        + port.getLastErrorCode() + "): check the cable is plugged in.");
            }
            try {
                SerialProtocol found = listen(port, group.getValue(), seen);
                if (found != null) {
                    return new ProbeResult(found, seen, "The device on " + portPath + " speaks "
                            + found.displayName() + ".");
                }
            } finally {
                port.closePort();
            }
        }
        return new ProbeResult(null, seen, "No known oximeter protocol heard on " + portPath
                + ": check the device is switched on and streaming.");
    }

    private SerialProtocol listen(SerialPort port, List<SerialProtocol> candidates,
                                  Map<SerialProtocol, DecoderStats> seen) {
        Map<SerialProtocol, StreamDecoder> decoders = new EnumMap<>(SerialProtocol.class);
        for (SerialProtocol p : candidates) {
            decoders.put(p, p.newDecoder(frame -> { }));
            byte[] start = p.startCommand();
            if (start != null) {
                port.writeBytes(start, start.length);
            }
        }
        long total = 0;
        byte[] buffer = new byte[2048];
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                break;
            }
            total += n;
            for (StreamDecoder d : decoders.values()) {
                d.accept(buffer, 0, n);
            }
        }
        for (SerialProtocol p : candidates) {
            if (p == SerialProtocol.CONTEC_V7) {
                byte[] stop = ContecV7Packet.command(ContecV7Packet.CMD_STOP_REALTIME).encode();
                port.writeBytes(stop, stop.length);
            }
        }
        SerialProtocol best = null;
        double bestExplained = MIN_EXPLAINED;
        for (Map.Entry<SerialProtocol, StreamDecoder> e : decoders.entrySet()) {
            DecoderStats stats = e.getValue().stats();
            seen.put(e.getKey(), stats);
            double explained = total == 0 ? 0 : 1.0 - (double) stats.skippedBytes() / total;
            if (stats.looksLikeProtocol(e.getKey().framesToRecognise()) && explained >= bestExplained) {
                best = e.getKey();
                bestExplained = explained;
            }
        }
        return best;
    }
}
