package org.telestation.devices.serial;

import com.fazecast.jSerialComm.SerialPort;

/**
 * Line settings of a serial protocol.
 *
 * @param baudRate bits per second
 * @param dataBits 5..8
 * @param parity   none, odd or even
 * @param stopBits 1 or 2
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, int stopBits) {

    /** Nonin (§2.1) and Masimo (§2.3): 9600 8N1, no flow control. */
    public static final SerialSettings B9600_8N1 = new SerialSettings(9600, 8, Parity.NONE, 1);
    /** Contec V7.0 (§2.2): 115200 8N1. */
    public static final SerialSettings B115200_8N1 = new SerialSettings(115200, 8, Parity.NONE, 1);
    /**
     * Legacy Contec CMS50D+ (§2.2): 19200 8O1. The reference code also turns on XON/XOFF; we do not, because the
     * tty driver would then swallow waveform bytes 0x11 and 0x13 as flow-control characters.
     */
    public static final SerialSettings B19200_8O1 = new SerialSettings(19200, 8, Parity.ODD, 1);

    public enum Parity {
        NONE(SerialPort.NO_PARITY), ODD(SerialPort.ODD_PARITY), EVEN(SerialPort.EVEN_PARITY);

        private final int jSerialComm;

        Parity(int jSerialComm) {
            this.jSerialComm = jSerialComm;
        }

        int jSerialComm() {
            return jSerialComm;
        }
    }

    /** Bytes per second the line can carry (start bit, data, parity, stop bits): the pacing of a simulator. */
    public double bytesPerSecond() {
        return baudRate / (1.0 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits);
    }

    /**
     * The settings to use on {@code portPath}. A pseudo-terminal (a socat pair standing in for a cable) has no
     * parity, and jSerialComm 2.11.4 cannot reopen a pty on which parity was once set (EINVAL): on a pty parity is
     * dropped. Real UARTs and USB adapters get the settings unchanged.
     */
    public SerialSettings effectiveFor(String portPath) {
        if (parity == Parity.NONE) {
            return this;
        }
        try {
            if (java.nio.file.Path.of(portPath).toRealPath().toString().startsWith("/dev/pts/")) {
                return new SerialSettings(baudRate, dataBits, Parity.NONE, stopBits);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // The port does not exist (yet): opening it will report that.
        }
        return this;
    }

    /** Applies these settings to a jSerialComm port (before or after opening). */
    public void applyTo(SerialPort port) {
        port.setComPortParameters(baudRate, dataBits,
                stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parity.jSerialComm());
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    }

    @Override
    public String toString() {
        return baudRate + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
