package org.telestation.devices.model;

import java.util.Objects;

/**
 * Why a device does not deliver, for the nurse at the cart: a stable code for software and support, and a sentence
 * saying what to do about it. Neither may contain patient data.
 *
 * @param code             stable machine-readable code, e.g. "serial.port-busy", "ble.not-bonded", "audio.no-device"
 * @param nurseDiagnostic  a short action-oriented sentence, e.g. "Cuff not found: switch it on and press its
 *                         Bluetooth button"
 */
public record DeviceProblem(String code, String nurseDiagnostic) {
    public DeviceProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nurseDiagnostic, "nurseDiagnostic");
    }
}
