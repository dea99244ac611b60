package org.telestation.server.booking;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * JSON problem details (RFC 9457) for the booking APIs, in the caller's language (Accept-Language, {@code ?lang=}).
 * Scoped to the booking controllers and ordered first, so it keeps working next to the shared platform advice.
 */
@RestControllerAdvice(assignableTypes = {PublicBookingApi.class, StaffBookingApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class BookingApiErrors {

    private final BookingMessages messages;

    BookingApiErrors(BookingMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BookingException.class)
    ResponseEntity<ProblemDetail> refused(BookingException e, Locale locale) {
        return problem(BookingMessages.status(e), e.reasons().get(0).key(), messages.resolve(e.reasons(), locale),
                locale);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "booking.error.json",
                List.of(messages.get("booking.error.json", locale)), locale);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "booking.error.parameter",
                List.of(messages.get("booking.error.parameter", locale)), locale);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, List<String> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join(" ", errors));
        problem.setTitle(messages.get("booking.problem.title", locale));
        problem.setProperty("code", code);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }
}
