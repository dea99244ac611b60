package org.telestation.devices.serial.sim;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.telestation.devices.serial.SerialSettings;
import org.telestation.devices.serial.contec.ContecLegacyFrame;
import org.telestation.devices.serial.contec.ContecV7Decoder;
import org.telestation.devices.serial.contec.ContecV7Packet;

/**
 * A Contec CMS50D+/CMS50E (standards.md §2.2), 60 packets/s with a 7-bit pleth.
 * Protocol V7.0 (115200 8N1): streams real-time packets only after "start real-time" (A1), stops on A2 or after
 * 30 s without A1/keep-alive (AF), answers "ask device ID" (AA) with a 0x04 packet and any other command with a
 * "not supported" feedback (0x0B). Legacy protocol (19200 8O1): streams 5-byte live packets continuously.
 */
public final class ContecSimulator extends SerialSimulator {

    /** Which of the two Contec protocols to speak. */
    public enum Variant { V7, LEGACY }

    private static final Duration PACKET_PERIOD = Duration.ofNanos(1_000_000_000L / 60);
    private static final long STREAM_TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();
    static final String DEVICE_ID = "CMS50E1";

    private final Variant variant;
    private final ContecV7Decoder commands = new ContecV7Decoder(this::onCommand);
    private volatile boolean streaming;
    private volatile long lastHostContact;

    public ContecSimulator(Config config, Variant variant) {
        super(config, variant == Variant.V7 ? SerialSettings.B115200_8N1 : SerialSettings.B19200_8O1);
        this.variant = variant;
        this.streaming = variant == Variant.LEGACY;
    }

    @Override
    protected String protocolName() {
        return variant == Variant.V7 ? "Contec V7.0" : "Contec legacy";
    }

    @Override
    protected Duration framePeriod() {
        return PACKET_PERIOD;
    }

    @Override
    protected Frame nextFrame(double seconds) {
        double pleth = physiology.advance(seconds);
        if (variant == Variant.V7 && streaming && System.nanoTime() - lastHostContact > STREAM_TIMEOUT_NANOS) {
            streaming = false; // the real device gives up without keep-alives
        }
        if (!streaming) {
            return null;
        }
        boolean sensorOff = config.fault() == SimFault.SENSOR_OFF;
        int wave = sensorOff ? 0 : (int) Math.round(5 + pleth * 115);
        int pr = switch (config.fault()) {
            case SENSOR_OFF -> 0xFF;
            case OUT_OF_RANGE -> 250;
            default -> physiology.pulseRate();
        };
        int sat = switch (config.fault()) {
            case SENSOR_OFF -> 0x7F;
            case OUT_OF_RANGE -> 110;
            default -> physiology.spo2();
        };
        int bar = (int) Math.round(pleth * 8);
        if (variant == Variant.V7) {
            int status = sensorOff ? 0x80 : 0x05;
            int pi = sensorOff ? 0xFFFF : (int) Math.round(physiology.perfusionIndex() * 100);
            ContecV7Packet p = ContecV7Packet.realtime(status, wave | (sensorOff ? 0x80 : 0), bar, pr, sat, pi);
            return new Frame(p.encode(), true, p.reading());
        }
        ContecLegacyFrame f = ContecLegacyFrame.of(sensorOff ? 0 : 5, sensorOff, wave, bar, false, sensorOff,
                Math.min(pr, 0xFF), Math.min(sat, 0x7F));
        return new Frame(f.encode(), true, f.reading());
    }

    @Override
    protected void onHostBytes(byte[] data, int length) {
        if (variant == Variant.V7) {
            commands.accept(data, 0, length);
        }
    }

    private void onCommand(ContecV7Packet packet) {
        switch (packet.command()) {
            case ContecV7Packet.CMD_START_REALTIME, ContecV7Packet.CMD_KEEP_ALIVE -> {
                lastHostContact = System.nanoTime();
                if (packet.command() == ContecV7Packet.CMD_START_REALTIME) {
                    streaming = true;
                }
            }
            case ContecV7Packet.CMD_STOP_REALTIME -> streaming = false;
            case ContecV7Packet.CMD_ASK_DEVICE_ID -> {
                int[] id = DEVICE_ID.chars().toArray();
                reply(new ContecV7Packet(ContecV7Packet.TYPE_DEVICE_ID, id).encode());
            }
            case -1 -> { } // not a command packet
            default -> reply(new ContecV7Packet(ContecV7Packet.TYPE_COMMAND_FEEDBACK,
                    new int[] {packet.command(), ContecV7Packet.FEEDBACK_NOT_SUPPORTED}).encode());
        }
    }

    public static void main(String[] args) {
        SimulatorCli cli = SimulatorCli.parse(args, Set.of("protocol"), """
                Contec CMS50D+/CMS50E oximeter simulator.
                usage: java -cp devices/target/classes:<jSerialComm.jar> \\
                         org.telestation.devices.serial.sim.ContecSimulator --port /dev/pts/N [options]
                  --protocol v7|legacy     V7.0 at 115200 8N1 (default; streams after the host's A1 command)
                                           or the legacy protocol at 19200 8O1 (streams at once)
                """);
        if (cli == null) {
            return;
        }
        String variant = cli.get("protocol", "v7").toUpperCase(Locale.ROOT);
        SimulatorCli.runForever(() -> new ContecSimulator(cli.config(), Variant.valueOf(variant)),
                "a Contec oximeter, protocol " + variant);
    }
}
