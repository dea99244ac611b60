package org.telestation.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies above {@code telestation.api.max-json-bytes} (default 1 MiB) on {@code /api/**} — above
 * {@code telestation.api.max-station-batch-bytes} (default 64 MiB) on the station outbox — with a 413 problem detail. A body that declares its length is refused before anything reads it; a body without one (chunked transfer
 * encoding) is counted as it is read and the read fails past the limit with {@link BodyTooLargeException}, which
 * {@link ErrorAdvice} answers with the same 413 — the handler never runs, so nothing is written. Multipart uploads have
 * their own limits ({@code spring.servlet.multipart}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiBodySizeFilter extends OncePerRequestFilter {

    /** The station outbox's batches carry captures (ECG files, photos, sound clips): they get their own limit. */
    static final String STATION_OUTBOX = "/api/station/outbox";

    private final long maxJsonBytes;
    private final long maxStationBatchBytes;

    ApiBodySizeFilter(@Value("${telestation.api.max-json-bytes:1048576}") long maxJsonBytes,
                      @Value("${telestation.api.max-station-batch-bytes:67108864}") long maxStationBatchBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxStationBatchBytes = maxStationBatchBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ErrorAdvice.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
        if (!json) {
            chain.doFilter(request, response);
            return;
        }
        // A station batch (up to 4 MiB of captures, base64 in JSON) over the general limit would be refused on every
        // retry and block the station's outbox behind it: the outbox has the larger limit.
        long limit = (request.getContextPath() + STATION_OUTBOX).equals(request.getRequestURI())
                ? maxStationBatchBytes : maxJsonBytes;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"" + ErrorAdvice.TYPE_BASE + "too-large\",\"title\":\"Payload Too Large\","
                    + "\"status\":413,\"detail\":\"Request body larger than " + limit + " bytes\","
                    + "\"code\":\"error.too-large\"}");
            return;
        }
        // Counted whatever the headers say: a chunked body declares no length at all.
        chain.doFilter(new LimitedBodyRequest(request, limit), response);
    }

    /** Thrown by the body stream once more than the limit was read; {@link ErrorAdvice} answers 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("Request body larger than " + limit + " bytes");
        }
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) throw new IllegalStateException("getReader() was already called");
            if (stream == null) stream = new CountingStream(super.getInputStream(), limit);
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                if (stream != null) throw new IllegalStateException("getInputStream() was already called");
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(new CountingStream(super.getInputStream(), limit),
                        charset));
            }
            return reader;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) throw new BodyTooLargeException(limit);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
