package org.telestation.server.patients;

import java.util.Optional;

/** INS matricule checks (standards.md §4.2): 13-digit NIR/NIA + key = 97 − (NIR mod 97). Corsica: 2A → 19, 2B → 18. */
public final class Ins {

    public static final String NIR_OID = "1.2.250.1.213.1.4.8";
    public static final String NIA_OID = "1.2.250.1.213.1.4.9";
    public static final String TEST_NIR_OID = "1.2.250.1.213.1.4.10";
    public static final String DEMO_NIR_OID = "1.2.250.1.213.1.4.11";

    private Ins() {}

    /** Returns why the matricule is invalid, or empty when it is well-formed and its key is right. */
    public static Optional<String> problem(String matricule) {
        if (matricule == null || matricule.length() != 15) {
            return Optional.of("patients.ins.length");
        }
        String body = matricule.substring(0, 13).toUpperCase(java.util.Locale.ROOT);
        String key = matricule.substring(13);
        if (!key.chars().allMatch(Character::isDigit)) {
            return Optional.of("patients.ins.format");
        }
        // Corsican department codes 2A / 2B are replaced by 19 / 18 for the key computation.
        String numeric = body.replace("2A", "19").replace("2B", "18");
        if (!numeric.chars().allMatch(Character::isDigit) || !(body.charAt(0) == '1' || body.charAt(0) == '2'
                || body.charAt(0) == '3' || body.charAt(0) == '4' || body.charAt(0) == '7' || body.charAt(0) == '8')) {
            return Optional.of("patients.ins.format");
        }
        long value = Long.parseLong(numeric);
        long expected = 97 - (value % 97);
        return expected == Long.parseLong(key) ? Optional.empty() : Optional.of("patients.ins.key");
    }

    public static boolean isValid(String matricule) {
        return problem(matricule).isEmpty();
    }
}
