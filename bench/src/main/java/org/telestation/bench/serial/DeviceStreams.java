package org.telestation.bench.serial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.telestation.devices.serial.SerialProtocol;
import org.telestation.devices.serial.contec.ContecLegacyFrame;
import org.telestation.devices.serial.contec.ContecV7Packet;
import org.telestation.devices.serial.masimo.MasimoAsciiFormat;
import org.telestation.devices.serial.nonin.NoninDf13Decoder;
import org.telestation.devices.serial.nonin.NoninDf2Decoder;
import org.telestation.devices.serial.nonin.NoninDf7Decoder;
import org.telestation.devices.serial.nonin.NoninDf8Frame;
import org.telestation.devices.serial.nonin.NoninPacket;
import org.telestation.devices.serial.nonin.NoninSpotCheck;
import org.telestation.devices.serial.nonin.NoninStatus;

/** What each protocol puts on the wire in a given number of seconds, built with the protocol encoders. */
public final class DeviceStreams {

    private DeviceStreams() {
    }

    public static byte[] seconds(SerialProtocol protocol, int seconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (protocol) {
            case NONIN_DF2, NONIN_DF7 -> {
                for (int packet = 0; packet < seconds * 3; packet++) {
                    int[] floats = NoninPacket.floatsFor(70 + packet % 20, 95 + packet % 4, 0x94, packet, 0);
                    for (int i = 1; i <= NoninPacket.FRAMES; i++) {
                        int status = NoninStatus.DF2_GREEN_PERFUSION | (i == 1 ? NoninStatus.DF2_SYNC : 0);
                        int pleth = (packet * 25 + i) % 200;
                        out.writeBytes(protocol == SerialProtocol.NONIN_DF2
                                ? NoninDf2Decoder.encode(status, pleth, floats[i])
                                : NoninDf7Decoder.encode(status, pleth * 250, floats[i]));
                    }
                }
            }
            case NONIN_DF8 -> {
                for (int s = 0; s < seconds; s++) {
                    out.writeBytes(NoninDf8Frame.encode(0, 70 + s % 20, 95 + s % 4, 0));
                }
            }
            case NONIN_DF13 -> {
                // One spot-check every 5 s, the simulator's default (a real device sends far fewer).
                for (int s = 0; s < seconds; s += 5) {
                    out.writeBytes(NoninDf13Decoder.encode(new NoninSpotCheck(
                            LocalDateTime.of(2026, 11, 22, 10, s / 60, s % 60), 2, 0, 72, 98)));
                }
            }
            case CONTEC_V7 -> {
                for (int p = 0; p < seconds * 60; p++) {
                    out.writeBytes(ContecV7Packet.realtime(5, p % 120, 4, 65 + p % 7, 97, 250).encode());
                }
            }
            case CONTEC_LEGACY -> {
                for (int p = 0; p < seconds * 60; p++) {
                    out.writeBytes(ContecLegacyFrame.of(5, false, p % 120, 4, false, false, 65 + p % 7, 97).encode());
                }
            }
            case MASIMO_ASCII -> {
                for (int s = 0; s < seconds; s++) {
                    out.writeBytes(MasimoAsciiFormat.line(LocalDateTime.of(2026, 11, 22, 10, s / 60, s % 60),
                            "0000056661", 97, 70 + s % 20, 3.6, 0, 0x800).getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        return out.toByteArray();
    }
}
