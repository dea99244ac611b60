package org.telestation.devices.ble.gatt;

/**
 * PLX Features 0x2A60 (Read), standards.md §1.5: supported features (uint16), then the Measurement Status support
 * mask (uint16, if b0) and the Device and Sensor Status support mask (uint24, if b1). Read once per connection.
 */
public record PlxFeatures(int supportedFeatures, Integer measurementStatusSupport,
                          Integer deviceAndSensorStatusSupport) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.PLX_FEATURES;

    public PlxFeatures {
        supportedFeatures &= 0xFFFF;
        if (((supportedFeatures & 0x01) != 0) != (measurementStatusSupport != null)
                || ((supportedFeatures & 0x02) != 0) != (deviceAndSensorStatusSupport != null)) {
            throw new IllegalArgumentException("support masks must match feature bits 0 and 1");
        }
    }

    public static PlxFeatures decode(byte[] value) throws MalformedValueException {
        GattReader r = GattReader.of(value, "PLX Features");
        int features = r.u16("supported features");
        Integer status = (features & 0x01) != 0 ? r.u16("measurement status support") : null;
        Integer sensor = (features & 0x02) != 0 ? r.u24("device and sensor status support") : null;
        return new PlxFeatures(features, status, sensor);
    }

    public byte[] encode() {
        GattWriter w = new GattWriter().u16(supportedFeatures);
        if (measurementStatusSupport != null) w.u16(measurementStatusSupport);
        if (deviceAndSensorStatusSupport != null) w.u24(deviceAndSensorStatusSupport);
        return w.toByteArray();
    }

    public boolean measurementStorageForSpotCheck() { return (supportedFeatures & 0x04) != 0; }
    public boolean timestampForSpotCheck() { return (supportedFeatures & 0x08) != 0; }
    public boolean spo2PrFast() { return (supportedFeatures & 0x10) != 0; }
    public boolean spo2PrSlow() { return (supportedFeatures & 0x20) != 0; }
    public boolean pulseAmplitudeIndex() { return (supportedFeatures & 0x40) != 0; }
    public boolean multipleBonds() { return (supportedFeatures & 0x80) != 0; }
}
