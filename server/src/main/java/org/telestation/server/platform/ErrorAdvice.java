package org.telestation.server.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns failures into answers. Under {@code /api/**} the answer is an RFC 7807 problem detail
 * ({@code application/problem+json}) with a stable {@code type} and, for validation, the fields and message keys;
 * on screens it is the French error page {@code templates/error.html}. Security exceptions are left to Spring
 * Security (401/403), and internal details never reach the client.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);
    static final String TYPE_BASE = "https://telestation.org/problems/";

    private final MessageSource messages;

    ErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    Object malformed(Exception e, HttpServletRequest request) {
        // A converter wraps the body stream's failure: past the size limit it is not malformed but too large.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiBodySizeFilter.BodyTooLargeException) return tooLarge(e, request);
        }
        return answer(request, HttpStatus.BAD_REQUEST, "malformed", "error.malformed", Map.of());
    }

    @ExceptionHandler(ValidationException.class)
    Object invalid(ValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "code", p.messageKey(), "message", text(p.messageKey())))
                .toList();
        return answer(request, HttpStatus.UNPROCESSABLE_ENTITY, "validation", "error.validation",
                Map.of("errors", errors));
    }

    @ExceptionHandler({BindException.class, HandlerMethodValidationException.class,
            ConstraintViolationException.class})
    Object beanValidation(Exception e, HttpServletRequest request) {
        List<Map<String, String>> errors = List.of();
        if (e instanceof BindException b) {
            errors = b.getFieldErrors().stream()
                    .map(f -> Map.of("field", f.getField(), "code", String.valueOf(f.getCode()),
                            "message", String.valueOf(f.getDefaultMessage())))
                    .toList();
        } else if (e instanceof ConstraintViolationException c) {
            errors = c.getConstraintViolations().stream()
                    .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "code", "constraint",
                            "message", v.getMessage()))
                    .toList();
        }
        return answer(request, HttpStatus.UNPROCESSABLE_ENTITY, "validation", "error.validation",
                Map.of("errors", errors));
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    Object notFound(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "not-found", "error.not-found", Map.of());
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, "conflict", e.messageKey(), Map.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Object integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        // The constraint name is enough to investigate; the values may be patient data and are not logged.
        log.info("Integrity violation on {}: {}", request.getRequestURI(), e.getClass().getSimpleName());
        return answer(request, HttpStatus.CONFLICT, "conflict", "error.conflict", Map.of());
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, ApiBodySizeFilter.BodyTooLargeException.class})
    Object tooLarge(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "error.too-large", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "error.method", Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "error.media-type",
                Map.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    Object status(ResponseStatusException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return answer(request, status, "status-" + status.value(), "error." + status.value(), Map.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security's exception translation answers 401/403
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "error.internal", Map.of());
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String type, String messageKey,
                          Map<String, Object> extra) {
        String detail = text(messageKey);
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(URI.create(TYPE_BASE + type));
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("code", messageKey);
            extra.forEach(problem::setProperty);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        page.addAllObjects(extra);
        return page;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
