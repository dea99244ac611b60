package org.telestation.devices.ble.gatt;

/**
 * How a characteristic's values reach the client (standards.md §0.2) and the Client Characteristic Configuration
 * Descriptor (CCCD, 0x2902) value that enables them. On Linux, BlueZ's StartNotify writes the CCCD itself: it
 * picks indication when the characteristic only has the "indicate" property, notification otherwise.
 */
public enum Delivery {
    /** Acknowledged by the client (ATT Handle Value Confirmation): CCCD 0x0002. */
    INDICATE(0x0002),
    /** Unacknowledged: CCCD 0x0001. */
    NOTIFY(0x0001),
    /** Read on demand; no CCCD. */
    READ(0x0000),
    /** Written by the client, answered by indication (control points): CCCD 0x0002. */
    WRITE_INDICATE(0x0002);

    private final int cccdValue;

    Delivery(int cccdValue) {
        this.cccdValue = cccdValue;
    }

    /** The CCCD value the client writes to subscribe, 0 when there is nothing to subscribe to. */
    public int cccdValue() {
        return cccdValue;
    }

    /** The CCCD value as the two little-endian bytes written to the descriptor. */
    public byte[] cccdBytes() {
        return new byte[] {(byte) cccdValue, (byte) (cccdValue >>> 8)};
    }

    public boolean subscribable() {
        return cccdValue != 0;
    }

    /** The GATT characteristic property flags BlueZ exposes for it (GattCharacteristic1.Flags). */
    public String[] bluezFlags() {
        return switch (this) {
            case INDICATE -> new String[] {"indicate"};
            case NOTIFY -> new String[] {"notify"};
            case READ -> new String[] {"read"};
            case WRITE_INDICATE -> new String[] {"write", "indicate"};
        };
    }
}
