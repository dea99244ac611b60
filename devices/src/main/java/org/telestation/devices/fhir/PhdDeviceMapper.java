package org.telestation.devices.fhir;

import java.util.Locale;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Reference;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * Builds a FHIR R4 {@link Device} shaped like the HL7 PHD IG's PhdDevice from a {@link DeviceIdentity}:
 * type MDC 65573 (MDC_MOC_VMS_MDS_SIMP), the specialization as {@code specialization.systemType}, manufacturer,
 * model and serial number, and a Bluetooth address as a BTMAC identifier.
 */
public final class PhdDeviceMapper {
    /** MDC_MOC_VMS_MDS_SIMP: "a single-purpose medical device" (PHD IG, Device.type). */
    public static final int MDC_MOC_VMS_MDS_SIMP = 65573;

    private static final Pattern MAC = Pattern.compile("(?i)^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$");
    private static final Pattern NOT_ID_CHAR = Pattern.compile("[^A-Za-z0-9.-]");

    private PhdDeviceMapper() {
    }

    public static Device toDevice(DeviceIdentity identity) {
        Device device = new Device();
        device.setId(fhirId(identity));
        device.setType(new CodeableConcept(new Coding(FhirSystems.MDC, String.valueOf(MDC_MOC_VMS_MDS_SIMP),
                "MDC_MOC_VMS_MDS_SIMP")));
        Specialization spec = specialization(identity.kind());
        if (spec != null) {
            device.addSpecialization().setSystemType(new CodeableConcept(
                    new Coding(FhirSystems.MDC, String.valueOf(spec.code), spec.referenceId)));
        }
        if (identity.manufacturer() != null) device.setManufacturer(identity.manufacturer());
        if (identity.model() != null) {
            device.setModelNumber(identity.model());
            device.addDeviceName().setName(identity.model()).setType(Device.DeviceNameType.MODELNAME);
        }
        if (identity.serial() != null) device.setSerialNumber(identity.serial());
        if (MAC.matcher(identity.address()).matches()) {
            device.addIdentifier()
                    .setSystem(FhirSystems.BLUETOOTH_EUI48)
                    .setValue(identity.address().replace(':', '-').toUpperCase(Locale.ROOT))
                    .setType(new CodeableConcept(new Coding(FhirSystems.CONTINUA_DEVICE_IDENTIFIERS, "BTMAC",
                            "Bluetooth MAC address")));
        }
        return device;
    }

    /** A literal reference "Device/{id}" to the resource {@link #toDevice} builds for the same identity. */
    public static Reference reference(DeviceIdentity identity) {
        Reference ref = new Reference("Device/" + fhirId(identity));
        String display = identity.manufacturer() != null && identity.model() != null
                ? identity.manufacturer() + " " + identity.model() : null;
        if (display != null) ref.setDisplay(display);
        return ref;
    }

    /**
     * A FHIR id (at most 64 of {@code [A-Za-z0-9.-]}) derived from {@link DeviceIdentity#id()}, so the same physical
     * device always gets the same Device resource.
     */
    public static String fhirId(DeviceIdentity identity) {
        String id = NOT_ID_CHAR.matcher(identity.id()).replaceAll("-");
        if (id.length() > 64) {
            id = id.substring(0, 55) + "-" + Integer.toHexString(identity.id().hashCode());
        }
        return id;
    }

    /** IEEE 11073-20601 device specialization (MDC partition 8, 528384 + term). */
    record Specialization(int code, String referenceId) {
    }

    static Specialization specialization(DeviceKind kind) {
        return switch (kind) {
            case PULSE_OXIMETER -> new Specialization(528388, "MDC_DEV_SPEC_PROFILE_PULS_OXIM");
            case BLOOD_PRESSURE_MONITOR -> new Specialization(528391, "MDC_DEV_SPEC_PROFILE_BPM");
            case THERMOMETER -> new Specialization(528392, "MDC_DEV_SPEC_PROFILE_TEMP");
            case HEART_RATE_MONITOR, ECG_12_LEAD -> new Specialization(528390, "MDC_DEV_SPEC_PROFILE_ECG");
            default -> null; // cameras, stethoscope and retinograph have no PHD specialization
        };
    }
}
