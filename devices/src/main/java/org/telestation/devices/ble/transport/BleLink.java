package org.telestation.devices.ble.transport;

import org.telestation.devices.ble.gatt.HealthCharacteristic;

/** A GATT connection to one device, kept alive by the transport. */
public interface BleLink extends AutoCloseable {

    /** What the link reports. Callbacks run on the link's own thread, one at a time, in arrival order. */
    interface Listener {
        /** A notified or indicated value, exactly as received. */
        void onValue(HealthCharacteristic characteristic, byte[] value);

        /** The link went down (the transport starts reconnecting) or came back (subscriptions restored). */
        void onConnectionChanged(boolean connected);
    }

    String address();

    boolean isConnected();

    /** Whether the device is bonded (paired) with the station. */
    boolean isBonded();

    /** Pairs with the device (BlueZ asks its default agent for any passkey). */
    void bond() throws BleException;

    /**
     * Enables notifications or indications for the characteristic, whichever its properties offer (the stack writes
     * CCCD 0x0001 or 0x0002), and restores it after every reconnection.
     */
    void subscribe(HealthCharacteristic characteristic) throws BleException;

    byte[] read(HealthCharacteristic characteristic) throws BleException;

    /** A write with response (control points such as RACP). */
    void write(HealthCharacteristic characteristic, byte[] value) throws BleException;

    /** Disconnects and stops reconnecting. */
    @Override
    void close();
}
