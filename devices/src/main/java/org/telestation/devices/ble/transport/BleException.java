package org.telestation.devices.ble.transport;

/** The Bluetooth stack refused or failed an operation (no adapter, device gone, GATT error). */
public class BleException extends Exception {
    public BleException(String message) {
        super(message);
    }

    public BleException(String message, Throwable cause) {
        super(message, cause);
    }
}
