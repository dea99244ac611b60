package org.telestation.devices.dicom;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * DA, TM and DT values (PS3.5 Table 6.2-1). A DT without an offset is local time of the acquiring device, which on
 * a station is the station's own zone: callers pass that zone. Malformed values give null, never an exception.
 */
public final class DicomDates {
    private DicomDates() {}

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    public static LocalDate date(String da) {
        if (da == null || da.length() != 8 || !digits(da, 0, 8)) return null;
        try {
            return LocalDate.parse(da, DA);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** HH[MM[SS[.F{1,6}]]]. */
    public static LocalTime time(String tm) {
        if (tm == null || tm.length() < 2 || tm.length() > 16) return null;
        try {
            int dot = tm.indexOf('.');
            String hms = dot < 0 ? tm : tm.substring(0, dot);
            if (hms.length() % 2 == 1 || !digits(hms, 0, hms.length())) return null;
            int h = Integer.parseInt(hms.substring(0, 2));
            int m = hms.length() >= 4 ? Integer.parseInt(hms.substring(2, 4)) : 0;
            int s = hms.length() >= 6 ? Integer.parseInt(hms.substring(4, 6)) : 0;
            int nanos = 0;
            if (dot >= 0) {
                String frac = tm.substring(dot + 1);
                if (frac.isEmpty() || frac.length() > 6 || !digits(frac, 0, frac.length())) return null;
                nanos = Integer.parseInt((frac + "000000").substring(0, 6)) * 1000;
            }
            return LocalTime.of(h, m, Math.min(s, 59), nanos);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** YYYYMMDDHHMMSS[.F][&ZZXX]; date and time parts may be shortened as PS3.5 allows. */
    public static Instant dateTime(String dt, ZoneId zoneIfNoOffset) {
        if (dt == null || dt.length() < 8) return null;
        ZoneId zone = zoneIfNoOffset;
        String body = dt;
        int sign = Math.max(dt.indexOf('+'), dt.indexOf('-'));
        if (sign > 0) {
            String off = dt.substring(sign);
            if (off.length() != 5 || !digits(off, 1, 5)) return null;
            try {
                zone = ZoneOffset.ofHoursMinutes(Integer.parseInt(off.substring(0, 3)),
                        (off.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(off.substring(3)));
            } catch (DateTimeException e) {
                return null;
            }
            body = dt.substring(0, sign);
        }
        LocalDate d = date(body.substring(0, Math.min(8, body.length())));
        if (d == null) return null;
        LocalTime t = body.length() > 8 ? time(body.substring(8)) : LocalTime.MIDNIGHT;
        if (t == null) return null;
        return LocalDateTime.of(d, t).atZone(zone).toInstant();
    }

    public static Instant dateAndTime(String da, String tm, ZoneId zone) {
        LocalDate d = date(da);
        if (d == null) return null;
        LocalTime t = time(tm);
        return LocalDateTime.of(d, t != null ? t : LocalTime.MIDNIGHT).atZone(zone).toInstant();
    }

    /** DT with an explicit offset, to the second: what our writers put in (0008,002A). */
    public static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSxx").format(instant.atZone(zone));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
