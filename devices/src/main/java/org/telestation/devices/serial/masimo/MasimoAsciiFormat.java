package org.telestation.devices.serial.masimo;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes Masimo ASCII 2 lines in the Rad-8 layout (standards.md §2.3), for the simulator and round-trip tests. */
public final class MasimoAsciiFormat {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ROOT);

    private MasimoAsciiFormat() {
    }

    /**
     * One line with CR LF. NaN values are written as dashes, as the device does.
     *
     * @param serialNumber ten digits, as the Rad-8 prints it
     */
    public static String line(LocalDateTime time, String serialNumber, double spo2, double pulseRate,
                              double perfusionIndex, int alarm, int exceptions) {
        String sat = Double.isNaN(spo2) ? "---" : String.format(Locale.ROOT, "%03d", Math.round(spo2));
        String bpm = Double.isNaN(pulseRate) ? "---" : String.format(Locale.ROOT, "%03d", Math.round(pulseRate));
        String pi = Double.isNaN(perfusionIndex) ? "--.--" : String.format(Locale.ROOT, "%05.2f", perfusionIndex);
        return String.format(Locale.ROOT,
                "%s SN=%s SPO2=%s%% BPM=%s PI=%s%% SPCO=--.-%% SPMET=--.-%% DESAT=-- PIDELTA=+-- ALARM=%04X EXC=%06X\r\n",
                STAMP.format(time), serialNumber, sat, bpm, pi, alarm, exceptions);
    }
}
