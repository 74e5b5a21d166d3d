package trade.caravan.catalog.storefront;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import trade.caravan.platform.SupportedLocales;

/**
 * Conditional requests and a shared response cache for the public catalog pages (product pages,
 * storefronts, sitemaps, robots.txt), in front of the rest of the application.
 *
 * <ul>
 * <li>A response the application marked {@code Cache-Control: public} gets a strong {@code ETag}
 * (a digest of its body); a request whose {@code If-None-Match} names it gets 304 without a body.</li>
 * <li>A <em>shareable</em> request (GET or HEAD, no credentials, no cookie but the language, no
 * query but a storefront's cursor, a supported language) is answered from this node's cache when
 * an equivalent one was answered before: the stored response is the one the whole chain produced,
 * security headers included, so a hit looks exactly like a miss. Responses that set a cookie are
 * never stored. Entries are dropped when the listing changes ({@link PublicPageCache}).</li>
 * </ul>
 * It runs before the security filters so that a hit costs no session or security work; that is
 * safe because only requests without any credential are answered, with what the application
 * answered an equivalent anonymous request. Hits are counted ({@code caravan.public.pages.cache})
 * rather than timed as {@code http.server.requests}, like a CDN's hits ({@link PublicPageMetrics}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicResponseFilter extends OncePerRequestFilter {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern PATHS = Pattern.compile("/products/" + UUID + "|/suppliers/" + UUID
            + "|/sitemap(-(products|suppliers)-[1-9][0-9]{0,6})?\\.xml|/robots\\.txt");
    private static final Pattern STOREFRONT = Pattern.compile("/suppliers/" + UUID);
    private static final Pattern CURSOR_QUERY = Pattern.compile("cursor=[A-Za-z0-9_-]{1,512}");
    private static final String LANGUAGE_COOKIE = "CARAVAN_LANG";
    /** Headers that belong to one exchange, never replayed: the rest (security headers too) is. */
    private static final Set<String> PER_EXCHANGE = Set.of("set-cookie", "x-request-id", "date", "content-length",
            "transfer-encoding", "connection", "keep-alive");

    private static final String LOOKED_UP = PublicResponseFilter.class.getName() + ".lookedUp";
    private static final String KEY = PublicResponseFilter.class.getName() + ".key";
    private static final String HIT = PublicResponseFilter.class.getName() + ".hit";

    private final PublicPageCache cache;
    private final LocaleResolver locales;
    private final Counter hits;
    private final Counter misses;

    PublicResponseFilter(PublicPageCache cache, LocaleResolver locales, MeterRegistry meters) {
        this.cache = cache;
        this.locales = locales;
        this.hits = Counter.builder("caravan.public.pages.cache").tag("result", "hit")
                .description("Anonymous public catalog pages answered from this node's cache").register(meters);
        this.misses = Counter.builder("caravan.public.pages.cache").tag("result", "miss")
                .description("Shareable public catalog pages rendered and stored").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method)) || !PATHS.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PublicPageCache.@Nullable CachedResponse hit = hit(request);
        if (hit != null) {
            hits.increment();
            replay(hit, request, response);
            return;
        }
        PublicPageCache.@Nullable ResponseKey key = (PublicPageCache.ResponseKey) request.getAttribute(KEY);
        long generation = cache.generation();
        var capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        // HEAD is left alone: its body may already be gone, and a digest of nothing is no ETag of the page
        if ("GET".equals(request.getMethod()) && capture.getStatus() == HttpServletResponse.SC_OK
                && isPublic(response)) {
            byte[] body = capture.getContentAsByteArray();
            String etag = etag(body);
            capture.setHeader(HttpHeaders.ETAG, etag);
            if (key != null && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
                misses.increment();
                cache.store(key, new PublicPageCache.CachedResponse(headers(response), body, etag), generation);
            }
            if (notModified(request, etag)) {
                capture.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                capture.resetBuffer();
            }
        }
        capture.copyBodyToResponse();
    }

    /**
     * The stored answer to this request, if it is shareable and one is stored; looked up once per
     * request (the observation predicate asks first, see {@link PublicPageMetrics}).
     */
    PublicPageCache.@Nullable CachedResponse hit(HttpServletRequest request) {
        if (request.getAttribute(LOOKED_UP) != null) {
            return (PublicPageCache.CachedResponse) request.getAttribute(HIT);
        }
        request.setAttribute(LOOKED_UP, Boolean.TRUE);
        if (shouldNotFilter(request)) {
            return null;
        }
        PublicPageCache.@Nullable ResponseKey key = shareable(request);
        if (key == null) {
            return null;
        }
        request.setAttribute(KEY, key);
        PublicPageCache.@Nullable CachedResponse hit = cache.response(key);
        if (hit != null) {
            request.setAttribute(HIT, hit);
        }
        return hit;
    }

    /** The cache key of a request any anonymous visitor could have made, else {@code null}. */
    private PublicPageCache.@Nullable ResponseKey shareable(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null && Arrays.stream(cookies).anyMatch(c -> !LANGUAGE_COOKIE.equals(c.getName()))) {
            return null;
        }
        String path = path(request);
        String query = request.getQueryString();
        if (query != null && !(STOREFRONT.matcher(path).matches() && CURSOR_QUERY.matcher(query).matches())) {
            return null;
        }
        Locale locale = locales.resolveLocale(request);
        if (!SupportedLocales.isSupported(locale)) {
            return null;
        }
        return new PublicPageCache.ResponseKey(path, query == null ? "" : query, locale.toLanguageTag(),
                request.isSecure());
    }

    private static void replay(PublicPageCache.CachedResponse hit, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        boolean notModified = notModified(request, hit.etag());
        for (PublicPageCache.CachedResponse.Header header : hit.headers()) {
            if (notModified && header.name().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                continue;
            }
            response.addHeader(header.name(), header.value());
        }
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(hit.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(hit.body());
        }
    }

    private static List<PublicPageCache.CachedResponse.Header> headers(HttpServletResponse response) {
        List<PublicPageCache.CachedResponse.Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (PER_EXCHANGE.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : response.getHeaders(name)) {
                headers.add(new PublicPageCache.CachedResponse.Header(name, value));
            }
        }
        return List.copyOf(headers);
    }

    private static boolean isPublic(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("public");
    }

    /** RFC 9110 13.1.2: If-None-Match uses the weak comparison; {@code *} matches any current representation. */
    static boolean notModified(HttpServletRequest request, String etag) {
        String header = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (header == null || header.length() > 2_048) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if ("*".equals(tag) || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
