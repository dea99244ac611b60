package org.telestation.devices.fhir;

/** Code system and identifier system URIs used by the mappings (standards.md §1.9, §4.1; HL7 PHD IG). */
public final class FhirSystems {
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    /** ISO/IEEE 11073-10101 nomenclature, as the HL7 PHD IG writes it. */
    public static final String MDC = "urn:iso:std:iso:11073:10101";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    /** Identifier types of the PHD IG (SYSID, BTMAC, ZIGBEE). */
    public static final String CONTINUA_DEVICE_IDENTIFIERS =
            "http://hl7.org/fhir/uv/phd/CodeSystem/ContinuaDeviceIdentifiers";
    public static final String BLUETOOTH_EUI48 = "http://hl7.org/fhir/sid/eui-48/bluetooth";
    /** Telestation's own code system for device-reported measurement conditions ({@code StatusFlag}). */
    public static final String TELESTATION_STATUS_FLAG = "urn:telestation:fhir:device-status-flag";
    /** Telestation's deterministic measurement key: the same value mapped twice gets the same identifier. */
    public static final String TELESTATION_MEASUREMENT_KEY = "urn:telestation:fhir:measurement-key";

    public static final String PROFILE_BASE = "http://hl7.org/fhir/StructureDefinition/";

    private FhirSystems() {
    }
}
