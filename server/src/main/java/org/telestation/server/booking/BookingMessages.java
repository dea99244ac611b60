package org.telestation.server.booking;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Turns refusal reasons into sentences in the reader's language; arguments that are message keys are resolved too. */
@Component
class BookingMessages {

    private final MessageSource messages;

    BookingMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<String> resolve(List<BookingException.Reason> reasons, Locale locale) {
        return reasons.stream().map(r -> resolve(r, locale)).toList();
    }

    String resolve(BookingException.Reason reason, Locale locale) {
        Object[] args = Arrays.stream(reason.args())
                .map(a -> a instanceof String s && s.startsWith("booking.") ? messages.getMessage(s, null, s, locale) : a)
                .toArray();
        return messages.getMessage(reason.key(), args, reason.key(), locale);
    }

    String get(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static HttpStatus status(BookingException e) {
        if (e instanceof BookingException.Invalid) return HttpStatus.BAD_REQUEST;
        if (e instanceof BookingException.NotEligible) return HttpStatus.UNPROCESSABLE_ENTITY;
        if (e instanceof BookingException.NotFound) return HttpStatus.NOT_FOUND;
        return HttpStatus.CONFLICT;
    }
}
