package org.telestation.server.expertise;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The circle refusal, stated plainly: 403 with {@code type .../not-in-circle} and a sentence saying what to do (ask the
 * coordinator), as a problem detail on the API and on the French error page on screens.
 */
@ControllerAdvice(basePackageClasses = ExpertiseErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExpertiseErrorAdvice {

    private final MessageSource messages;

    ExpertiseErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotInCircleException.class)
    Object notInCircle(NotInCircleException e, HttpServletRequest request) {
        String detail = messages.getMessage(e.messageKey(), null, e.messageKey(), LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
            problem.setType(URI.create("https://telestation.org/problems/not-in-circle"));
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("code", e.messageKey());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.FORBIDDEN);
        page.addObject("status", 403);
        page.addObject("detail", detail);
        return page;
    }
}
