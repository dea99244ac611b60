package org.telestation.devices.ecg;

import java.time.LocalDate;

/**
 * What a file says about the patient and the acquisition, where the format carries it. Every field may be null.
 * Never log these values: they identify a patient.
 *
 * @param patientId        the identifier in the file (not necessarily the INS)
 * @param patientName      family^given in DICOM style, or "family, given"
 * @param birthDate        date of birth
 * @param sex              "M", "F", "O" or "U"
 * @param lowPassHz        acquisition low-pass (high cut-off) filter, Hz
 * @param highPassHz       acquisition high-pass (low cut-off) filter, Hz
 * @param notchHz          notch filter frequency, Hz (50 in France)
 * @param interpretation   the device's own interpretation text, shown as is to the cardiologist
 */
public record EcgMetadata(String patientId, String patientName, LocalDate birthDate, String sex,
                          Double lowPassHz, Double highPassHz, Double notchHz, String interpretation) {
    public static final EcgMetadata EMPTY = new EcgMetadata(null, null, null, null, null, null, null, null);

    public EcgMetadata withPatient(String id, String name, LocalDate birth, String sexCode) {
        return new EcgMetadata(id, name, birth, sexCode, lowPassHz, highPassHz, notchHz, interpretation);
    }

    public EcgMetadata withFilters(Double lowPass, Double highPass, Double notch) {
        return new EcgMetadata(patientId, patientName, birthDate, sex, lowPass, highPass, notch, interpretation);
    }
}
