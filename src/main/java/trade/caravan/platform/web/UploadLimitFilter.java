package trade.caravan.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import trade.caravan.platform.Problems;

/**
 * A multipart upload over the container's limits ({@code spring.servlet.multipart.max-request-size}
 * and {@code max-file-size}) is answered 413: a problem document under {@code /api/}, the error
 * page otherwise. Without this, Tomcat 11 fails the first {@code getParameter} call, which is
 * Spring Security's CSRF check for forms, and the request ends in an error, not a 413.
 *
 * <p>A request that declares too large a body is refused before it is parsed; its body is read
 * and discarded first when it is at most twice the limit, so that the client, still sending, gets
 * to read the answer (a larger one is cut off, as any server must). Any other multipart request is
 * parsed here, so that one sent without a length (chunked) is measured before anything reads it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadLimitFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final long maxRequestSize;

    UploadLimitFilter(Problems problems, ObjectProvider<MultipartConfigElement> multipart) {
        this.problems = problems;
        MultipartConfigElement config = multipart.getIfAvailable();
        this.maxRequestSize = config == null ? -1 : config.getMaxRequestSize();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (maxRequestSize > 0 && length > maxRequestSize) {
            if (length <= 2 * maxRequestSize) {
                drain(request.getInputStream());
            }
            tooLarge(request, response);
            return;
        }
        try {
            // parsed here, once, within the limits; the container keeps the parts for everyone after
            request.getParts();
        } catch (IllegalStateException | IOException | ServletException failure) {
            if (sizeExceeded(failure)) {
                tooLarge(request, response);
                return;
            }
            // any other malformed body is refused where its parts are asked for
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "error.too-large");
            return;
        }
        // the error page, rendered for a request that no longer carries the unreadable upload
        var page = new WithoutBody(request);
        page.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
        page.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        request.getRequestDispatcher("/error").forward(page, response);
    }

    private static boolean sizeExceeded(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException
                    || cause instanceof SizeException
                    || cause instanceof InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return true;
            }
        }
        return false;
    }

    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (body.read(buffer) >= 0) {
            // discarded
        }
    }

    /** The same request as a plain GET without a body or parameters, so nothing tries to parse the upload again. */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public @Nullable String getContentType() {
            return null;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public @Nullable String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return null;
        }
    }
}
