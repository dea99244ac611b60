package org.telestation.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies above {@code telestation.api.max-json-bytes} (default 1 MiB) on {@code /api/**} with a 413 problem
 * detail, before anything reads them. Multipart uploads have their own limits ({@code spring.servlet.multipart}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiBodySizeFilter extends OncePerRequestFilter {

    private final long maxJsonBytes;

    ApiBodySizeFilter(@Value("${telestation.api.max-json-bytes:1048576}") long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ErrorAdvice.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json");
        if (json && request.getContentLengthLong() > maxJsonBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"" + ErrorAdvice.TYPE_BASE + "too-large\",\"title\":\"Payload Too Large\","
                    + "\"status\":413,\"detail\":\"Request body larger than " + maxJsonBytes + " bytes\","
                    + "\"code\":\"error.too-large\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
