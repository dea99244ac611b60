package org.telestation.server.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats instants in the territory's time zone and the reader's language, for the templates ({@code @bookingTime}). */
@Component("bookingTime")
public class BookingTime {

    private final BookingProperties properties;

    BookingTime(BookingProperties properties) {
        this.properties = properties;
    }

    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(properties.zone()));
    }

    public String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", LocaleContextHolder.getLocale()).format(day);
    }

    public String dayOf(Instant instant) {
        return instant == null ? "" : day(instant.atZone(properties.zone()).toLocalDate());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).format(instant.atZone(properties.zone()));
    }

    public LocalDate localDay(Instant instant) {
        return instant.atZone(properties.zone()).toLocalDate();
    }
}
