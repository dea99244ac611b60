package org.telestation.devices.model;

import java.util.Objects;

/**
 * Who produced a value: enough to fill a FHIR Device (PhdDevice) and to tell the nurse which box to look at.
 *
 * @param kind         what the device is for the nurse (cuff, oximeter…)
 * @param manufacturer as reported by the device (BLE Device Information Service, serial banner) or configured
 * @param model        model name or number
 * @param serial       serial number, or null when the device does not report one
 * @param address      transport address: serial port path, BLE MAC, USB bus id
 */
public record DeviceIdentity(DeviceKind kind, String manufacturer, String model, String serial, String address) {
    public DeviceIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }

    /** A stable id of the physical device on this station, used for stream ordering and dedupe keys. */
    public String id() {
        return kind.name().toLowerCase() + ":" + (serial != null ? serial : address);
    }
}
