package org.telestation.server.patients;

import java.text.Normalizer;
import java.util.Locale;

/** Name comparison for identity-vigilance: accents, case, hyphens and apostrophes do not make two people. */
final class Names {
    private Names() {}

    static String fold(String name) {
        if (name == null) return "";
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    static boolean sameName(String a, String b) {
        return fold(a).equals(fold(b));
    }
}
