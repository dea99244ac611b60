package org.telestation.devices.retinograph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Laterality written as "Laterality: R" / "ImageLaterality=OD" in a free-text metadata field. */
final class MetadataLaterality {
    private static final Pattern KEY_VALUE =
            Pattern.compile("(?i)(?:image)?laterality\\s*[:=]\\s*([\\p{L}]+)");

    private MetadataLaterality() {
    }

    /** The laterality a "key: value" text states, or null. */
    static String fromKeyValueText(String text) {
        Matcher m = KEY_VALUE.matcher(text);
        return m.find() ? Laterality.fromText(m.group(1)) : null;
    }
}
