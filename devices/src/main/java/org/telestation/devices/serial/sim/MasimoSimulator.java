package org.telestation.devices.serial.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.telestation.devices.serial.SerialSettings;
import org.telestation.devices.serial.masimo.MasimoAsciiDecoder;
import org.telestation.devices.serial.masimo.MasimoAsciiFormat;
import org.telestation.devices.serial.masimo.MasimoRecord;

/**
 * A Masimo Rad-8 in ASCII 2 output mode (standards.md §2.3): one line per second at 9600 8N1, no commands.
 * Sensor off sends dashes with EXC 020; out of range sends SpO2 105 % and 250 /min.
 */
public final class MasimoSimulator extends SerialSimulator {

    private static final Duration TICK = Duration.ofMillis(100);
    private static final int TICKS_PER_LINE = 10;
    private final String serialNumber;
    private long tick;

    public MasimoSimulator(Config config, String serialNumber) {
        super(config, SerialSettings.B9600_8N1);
        this.serialNumber = serialNumber;
    }

    @Override
    protected String protocolName() {
        return "Masimo ASCII";
    }

    @Override
    protected Duration framePeriod() {
        return TICK;
    }

    @Override
    protected Frame nextFrame(double seconds) {
        physiology.advance(seconds);
        if (tick++ % TICKS_PER_LINE != 0) {
            return null;
        }
        boolean sensorOff = config.fault() == SimFault.SENSOR_OFF;
        boolean outOfRange = config.fault() == SimFault.OUT_OF_RANGE;
        double spo2 = sensorOff ? Double.NaN : outOfRange ? 105 : physiology.spo2();
        double bpm = sensorOff ? Double.NaN : outOfRange ? 250 : physiology.pulseRate();
        double pi = sensorOff ? Double.NaN : physiology.perfusionIndex();
        int exceptions = MasimoRecord.EXC_SET_MODE | (sensorOff ? MasimoRecord.EXC_SENSOR_OFF : 0);
        String line = MasimoAsciiFormat.line(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), serialNumber,
                spo2, bpm, pi, 0, exceptions);
        MasimoRecord record = MasimoAsciiDecoder.parse(line.substring(0, line.length() - 2));
        return new Frame(line.getBytes(StandardCharsets.US_ASCII), true, record.reading());
    }

    @Override
    protected void onHostBytes(byte[] data, int length) {
        // The ASCII output is one-way: the Rad-8 ignores what it receives.
    }

    public static void main(String[] args) {
        SimulatorCli cli = SimulatorCli.parse(args, Set.of("serial"), """
                Masimo Rad-8 / Radical-7 ASCII 2 output simulator (9600 8N1, one line per second).
                usage: java -cp devices/target/classes:<jSerialComm.jar> \\
                         org.telestation.devices.serial.sim.MasimoSimulator --port /dev/pts/N [options]
                  --serial DIGITS          serial number printed as SN= (default 0000056661)
                (the faults bad-checksum and low-battery do not apply: the ASCII output has neither)
                """);
        if (cli == null) {
            return;
        }
        SimulatorCli.runForever(() -> new MasimoSimulator(cli.config(), cli.get("serial", "0000056661")),
                "a Masimo Rad-8 (ASCII 2)");
    }
}
