/**
 * Mapping of the measurement model to HAPI FHIR R4 resources: vital-signs {@code Observation}s (standards.md §4.1),
 * {@code SampledData} for waveforms (§3.6) and PhdDevice-style {@code Device}s (§1.9, HL7 PHD IG).
 * HAPI FHIR structures-r4 is an optional dependency of this module: only code that calls this package needs it.
 */
package org.telestation.devices.fhir;
