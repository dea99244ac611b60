package org.telestation.devices.retinograph;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which eye an image shows, from a file name or a metadata text. Words are matched whole, case-insensitively:
 * R, RE, OD (oculus dexter), RIGHT, DROIT, DROITE → "R"; L, LE, OS (oculus sinister), OG (œil gauche), LEFT,
 * GAUCHE → "L". A text naming both eyes, or neither, gives null: an unsure guess is worse than none.
 */
public final class Laterality {
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}0-9]+|(?<=[0-9])(?=\\p{L})|(?<=\\p{L})(?=[0-9])");

    private Laterality() {
    }

    public static String fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return fromText(dot > 0 ? fileName.substring(0, dot) : fileName);
    }

    public static String fromText(String text) {
        if (text == null) return null;
        boolean right = false, left = false;
        for (String word : SEPARATORS.split(text)) {
            switch (word.toUpperCase(Locale.ROOT)) {
                case "R", "RE", "OD", "RIGHT", "DROIT", "DROITE" -> right = true;
                case "L", "LE", "OS", "OG", "LEFT", "GAUCHE" -> left = true;
                default -> { }
            }
        }
        return right == left ? null : right ? "R" : "L";
    }
}
