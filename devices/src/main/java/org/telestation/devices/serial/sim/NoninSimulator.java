package org.telestation.devices.serial.sim;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.telestation.devices.serial.SerialSettings;
import org.telestation.devices.serial.nonin.NoninCommand;
import org.telestation.devices.serial.nonin.NoninCommandDecoder;
import org.telestation.devices.serial.nonin.NoninDataFormat;
import org.telestation.devices.serial.nonin.NoninDf13Decoder;
import org.telestation.devices.serial.nonin.NoninDf2Decoder;
import org.telestation.devices.serial.nonin.NoninDf7Decoder;
import org.telestation.devices.serial.nonin.NoninDf8Frame;
import org.telestation.devices.serial.nonin.NoninPacket;
import org.telestation.devices.serial.nonin.NoninSpotCheck;
import org.telestation.devices.serial.nonin.NoninStatus;

/**
 * A Nonin oximeter (Onyx II 9560 / Xpod family, standards.md §2.1) speaking data format 2, 7, 8 or 13 at 9600 8N1.
 * It answers "select data format" with ACK (and switches format) or NAK, "set clock" silently, and "read clock"
 * with its clock. DF2/DF7 send 75 frames/s in 25-frame packets, DF8 one frame per second, DF13 one spot-check
 * every {@code --spot-interval} seconds.
 */
public final class NoninSimulator extends SerialSimulator {

    private static final int FIRMWARE_REVISION = 0x94;
    private static final Duration FRAME_PERIOD = Duration.ofNanos(1_000_000_000L / 75);
    private static final int SENSOR_OFF_DF2_STATUS = NoninStatus.DF2_SENSOR_ALARM | NoninStatus.DF2_OUT_OF_TRACK;

    private final NoninCommandDecoder commands = new NoninCommandDecoder(this::onCommand);
    private final int spotIntervalTicks;
    private volatile NoninDataFormat format;
    private volatile Duration clockOffset = Duration.ZERO;
    private long tick;
    private int frameInPacket;
    private int[] packetFloats;
    private int packetStatus;
    private int timer;

    public NoninSimulator(Config config, NoninDataFormat format, Duration spotInterval) {
        super(config, SerialSettings.B9600_8N1);
        this.format = format;
        this.spotIntervalTicks = (int) Math.max(1, spotInterval.toMillis() * 75 / 1000);
    }

    public NoninDataFormat format() {
        return format;
    }

    /** The simulated device clock. */
    public LocalDateTime deviceClock() {
        return LocalDateTime.now().plus(clockOffset).truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    protected String protocolName() {
        return "Nonin";
    }

    @Override
    protected Duration framePeriod() {
        return FRAME_PERIOD; // the DF2/DF7 frame rate; DF8 and DF13 send on a subset of the ticks
    }

    @Override
    protected boolean hasChecksum() {
        return format != NoninDataFormat.DF8;
    }

    @Override
    protected boolean reportsBattery() {
        return true;
    }

    @Override
    protected byte[] withBadChecksum(byte[] frame) {
        byte[] bad = frame.clone();
        int at = format == NoninDataFormat.DF13 ? bad.length - 2 : bad.length - 1;
        bad[at] = (byte) (bad[at] + 1);
        return bad;
    }

    @Override
    protected Frame nextFrame(double seconds) {
        double pleth = physiology.advance(seconds);
        long t = tick++;
        return switch (format) {
            case DF2, DF7 -> plethFrame(pleth);
            case DF8 -> t % 75 == 0 ? df8Frame() : null;
            case DF13 -> t % spotIntervalTicks == spotIntervalTicks - 1 ? spotCheck() : null;
        };
    }

    private Frame plethFrame(double pleth) {
        boolean sensorOff = config.fault() == SimFault.SENSOR_OFF;
        if (frameInPacket == 0) {
            int stat2 = config.fault() == SimFault.LOW_BATTERY ? NoninStatus.STAT2_LOW_BATTERY : 0;
            if (sensorOff) {
                stat2 |= NoninStatus.STAT2_SENSOR_ALARM;
            }
            packetFloats = NoninPacket.floatsFor(pulseRate(), spo2(), FIRMWARE_REVISION, timer++, stat2);
            packetStatus = sensorOff ? SENSOR_OFF_DF2_STATUS : NoninStatus.DF2_GREEN_PERFUSION;
        }
        frameInPacket++;
        int status = packetStatus | (frameInPacket == 1 ? NoninStatus.DF2_SYNC : 0);
        int floatByte = packetFloats[frameInPacket];
        byte[] bytes;
        if (format == NoninDataFormat.DF2) {
            bytes = NoninDf2Decoder.encode(status, sensorOff ? 0 : (int) Math.round(20 + pleth * 215), floatByte);
        } else {
            bytes = NoninDf7Decoder.encode(status, sensorOff ? 0 : (int) Math.round(4000 + pleth * 56000), floatByte);
        }
        boolean startsPacket = frameInPacket == 1;
        NoninPacket completed = null;
        if (frameInPacket == NoninPacket.FRAMES) {
            completed = packetOf(packetFloats, packetStatus);
            frameInPacket = 0;
        }
        return new Frame(bytes, startsPacket, completed == null ? null : completed.reading());
    }

    private static NoninPacket packetOf(int[] floats, int status) {
        // Re-decode the packet from its own frames, so the logged reading is exactly what the bytes say.
        NoninPacket[] result = new NoninPacket[1];
        NoninDf2Decoder decoder = new NoninDf2Decoder(f -> {
            if (f.packet() != null) {
                result[0] = f.packet();
            }
        });
        for (int i = 1; i <= NoninPacket.FRAMES; i++) {
            byte[] frame = NoninDf2Decoder.encode(status | (i == 1 ? NoninStatus.DF2_SYNC : 0), 0, floats[i]);
            decoder.accept(frame, 0, frame.length);
        }
        return result[0];
    }

    private Frame df8Frame() {
        int status = config.fault() == SimFault.SENSOR_OFF ? NoninStatus.DF8_OUT_OF_TRACK : 0;
        int stat2 = (config.fault() == SimFault.LOW_BATTERY ? NoninStatus.STAT2_LOW_BATTERY : 0)
                | (config.fault() == SimFault.SENSOR_OFF ? NoninStatus.STAT2_SENSOR_ALARM : 0);
        int hr = Math.min(pulseRate(), NoninStatus.MISSING_PULSE_RATE);
        NoninDf8Frame frame = new NoninDf8Frame(status | NoninStatus.ALWAYS_SET, hr, Math.min(spo2(), 127), stat2);
        return new Frame(NoninDf8Frame.encode(status, hr, spo2(), stat2), true, frame.reading());
    }

    private Frame spotCheck() {
        boolean noMeasurement = config.fault() == SimFault.SENSOR_OFF;
        NoninSpotCheck s = new NoninSpotCheck(deviceClock(),
                noMeasurement ? NoninStatus.DF13_NO_MEASUREMENT : NoninStatus.DF13_SMARTPOINT,
                config.fault() == SimFault.LOW_BATTERY ? NoninStatus.DF13_LOW_BATTERY : 0,
                Math.min(pulseRate(), NoninStatus.MISSING_PULSE_RATE), Math.min(spo2(), 127));
        return new Frame(NoninDf13Decoder.encode(s), true, s.reading());
    }

    private int spo2() {
        return switch (config.fault()) {
            case SENSOR_OFF -> NoninStatus.MISSING_SPO2;
            case OUT_OF_RANGE -> 115;
            default -> physiology.spo2();
        };
    }

    private int pulseRate() {
        return switch (config.fault()) {
            case SENSOR_OFF -> NoninStatus.MISSING_PULSE_RATE;
            case OUT_OF_RANGE -> 400;
            default -> physiology.pulseRate();
        };
    }

    @Override
    protected void onHostBytes(byte[] data, int length) {
        commands.accept(data, 0, length);
    }

    private void onCommand(NoninCommand command) {
        if (command.op() == NoninCommand.OP_DATA_FORMAT) {
            NoninDataFormat requested = command.requestedFormat();
            if (requested != null) {
                format = requested;
                frameInPacket = 0;
            }
            reply(new byte[] {(byte) (requested != null ? NoninCommand.ACK : NoninCommand.NAK)});
        } else if (command.op() == NoninCommand.OP_CLOCK && command.payload().length == 0) {
            reply(NoninCommand.clockReply(deviceClock()).encode());
        } else if (command.clock() != null) {
            clockOffset = Duration.between(LocalDateTime.now(), command.clock());
        }
    }

    public static void main(String[] args) {
        SimulatorCli cli = SimulatorCli.parse(args, Set.of("format", "spot-interval"), """
                Nonin oximeter simulator (data formats 2, 7, 8, 13; 9600 8N1).
                usage: java -cp devices/target/classes:<jSerialComm.jar> \\
                         org.telestation.devices.serial.sim.NoninSimulator --port /dev/pts/N [options]
                  --format 2|7|8|13        data format at start (default 13, as the device); the host may change it
                  --spot-interval SEC      DF13: seconds between spot-checks (default 5)
                """);
        if (cli == null) {
            return;
        }
        NoninDataFormat format = NoninDataFormat.ofCode(Integer.parseInt(cli.get("format", "13")));
        if (format == null) {
            System.err.println("--format must be 2, 7, 8 or 13");
            System.exit(2);
        }
        SimulatorCli.runForever(() -> new NoninSimulator(cli.config(), format,
                Duration.ofSeconds(cli.getInt("spot-interval", 5))), "a Nonin oximeter, data format " + format.code());
    }
}
