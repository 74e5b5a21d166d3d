package trade.caravan.platform.web;

import trade.caravan.platform.Problems;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import trade.caravan.platform.Tenancy;

/**
 * {@code Idempotency-Key} on {@code POST /api/**}: the same key with the same request replays the
 * stored response; the same key with a different request is refused with 422; a duplicate that
 * arrives while the first is still running is refused with 409. Keys are scoped to the caller
 * (organization and principal), kept for {@value #RETENTION_HOURS} hours, and 5xx answers are
 * not stored, so a failed attempt can be retried with the same key.
 *
 * <p>Runs after Spring Security (the caller is known) and in its own short transactions, before
 * and after the handler's. A process crash between the handler's commit and the completion of
 * the key leaves the key in progress; after {@link #ABANDONED_AFTER} it may be taken over.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final int RETENTION_HOURS = 24;
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private static final int MAX_BODY = 10 * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyKeys keys;
    private final Problems problems;
    private final Clock clock;

    IdempotencyFilter(IdempotencyKeys keys, Problems problems, Clock clock) {
        this.keys = keys;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            writeProblem(response, HttpStatus.BAD_REQUEST, "error.idempotency.key-invalid");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            writeProblem(response, HttpStatus.PAYLOAD_TOO_LARGE, "error.too-large");
            return;
        }
        boolean multipart = isMultipart(request);
        byte[] body = multipart ? parts(request) : request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            writeProblem(response, HttpStatus.PAYLOAD_TOO_LARGE, "error.too-large");
            return;
        }
        String scope = scope();
        byte[] hash = hash(request, body);
        Instant now = clock.instant();

        IdempotencyKeys.Claim claim = keys.claim(scope, key, hash, now, now.minus(ABANDONED_AFTER));
        switch (claim) {
            case IdempotencyKeys.Claim.Mismatch mismatch ->
                    writeProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "error.idempotency.key-reused");
            case IdempotencyKeys.Claim.InProgress inProgress ->
                    writeProblem(response, HttpStatus.CONFLICT, "error.idempotency.in-progress");
            case IdempotencyKeys.Claim.Replay(IdempotencyKeys.StoredResponse stored) -> replay(response, stored);
            // the container keeps parsed parts; a raw body is read once and must be served again
            case IdempotencyKeys.Claim.Acquired acquired -> execute(
                    multipart ? request : new BufferedBodyRequest(request, body), response, chain, scope, key);
        }
    }

    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String scope, String key) throws IOException, ServletException {
        var cachingResponse = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, cachingResponse);
            int status = cachingResponse.getStatus();
            if (status < 500) {
                keys.complete(scope, key, new IdempotencyKeys.StoredResponse(status,
                        cachingResponse.getContentType(), cachingResponse.getHeader(HttpHeaders.LOCATION),
                        cachingResponse.getContentAsByteArray()), clock.instant());
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.release(scope, key);
            }
            cachingResponse.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyKeys.StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.body());
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String code) throws IOException {
        problems.write(response, status, code);
    }

    /** Keys of different callers never meet: organization plus principal (user or API token). */
    private static String scope() {
        @Nullable Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String principal = authentication == null || !authentication.isAuthenticated()
                ? "anonymous"
                : authentication.getName();
        return Tenancy.currentTenant() + "/" + principal;
    }

    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            String query = request.getQueryString();
            digest.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            // a multipart body is compared by its parts: a retry may use another boundary
            String contentType = isMultipart(request) ? "multipart/form-data" : request.getContentType();
            digest.update((contentType == null ? "" : contentType).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/form-data", 0, "multipart/form-data".length());
    }

    /**
     * A multipart body as its parts (name, file name, type, content, in order), parsed by the
     * container within its upload limits, which keeps them for the handler. Reading the raw
     * stream here instead would leave the handler without any part.
     */
    private static byte[] parts(HttpServletRequest request) throws IOException, ServletException {
        var canonical = new java.io.ByteArrayOutputStream();
        for (jakarta.servlet.http.Part part : request.getParts()) {
            for (String field : new String[] {part.getName(), part.getSubmittedFileName(), part.getContentType()}) {
                canonical.writeBytes((field == null ? "" : field).getBytes(StandardCharsets.UTF_8));
                canonical.write(0);
            }
            canonical.writeBytes(Long.toString(part.getSize()).getBytes(StandardCharsets.US_ASCII));
            canonical.write(0);
            try (var in = part.getInputStream()) {
                in.transferTo(canonical);
            }
            if (canonical.size() > MAX_BODY) {
                break;
            }
        }
        return canonical.toByteArray();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetExpiredKeys() {
        keys.deleteStartedBefore(clock.instant().minus(Duration.ofHours(RETENTION_HOURS)));
    }

    /** Serves the already-read body to the handler as often as it asks. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = Arrays.copyOf(body, body.length);
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
