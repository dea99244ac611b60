package org.telestation.devices.ble.gatt;

/**
 * A characteristic value that does not match its layout: too short for the fields its flags announce, or a
 * field outside what the parser can represent. The value is dropped; the next one is decoded on its own (every
 * GATT value is a self-contained ATT PDU, so there is nothing else to resynchronise on).
 */
public class MalformedValueException extends Exception {
    public MalformedValueException(String message) {
        super(message);
    }
}
