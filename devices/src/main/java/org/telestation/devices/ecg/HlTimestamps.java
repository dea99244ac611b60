package org.telestation.devices.ecg;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HL7 v3 TS values: YYYYMMDD[HH[MM[SS[.S+]]]][+|-ZZzz]. Malformed values give null. */
final class HlTimestamps {
    private HlTimestamps() {}

    static Instant parse(String ts, ZoneId zoneIfNoOffset) {
        if (ts == null || ts.length() < 8 || ts.length() > 40) return null;
        try {
            ZoneId zone = zoneIfNoOffset;
            String body = ts;
            int sign = Math.max(ts.lastIndexOf('+'), ts.lastIndexOf('-'));
            if (sign > 0) {
                String off = ts.substring(sign);
                if (off.length() != 5) return null;
                int h = Integer.parseInt(off.substring(1, 3));
                int m = Integer.parseInt(off.substring(3));
                zone = ZoneOffset.ofHoursMinutes(off.charAt(0) == '-' ? -h : h, off.charAt(0) == '-' ? -m : m);
                body = ts.substring(0, sign);
            }
            String frac = "";
            int dot = body.indexOf('.');
            if (dot >= 0) {
                frac = body.substring(dot + 1);
                body = body.substring(0, dot);
            }
            if (!body.chars().allMatch(Character::isDigit) || body.length() % 2 == 1 || body.length() > 14
                    || !frac.chars().allMatch(Character::isDigit) || frac.length() > 9) {
                return null;
            }
            String padded = (body + "000000").substring(0, 14);
            LocalDateTime t = LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("uuuuMMddHHmmss"));
            if (!frac.isEmpty()) t = t.plusNanos(Long.parseLong((frac + "000000000").substring(0, 9)));
            return t.atZone(zone).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSxx").format(instant.atZone(zone));
    }
}
