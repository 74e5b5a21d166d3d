package trade.caravan.catalog.storefront;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.platform.AnonymousPages;

/**
 * How public pages answer: the same page for every anonymous reader of a language (no session, no
 * CSRF token in it, cacheable by anyone), and a private, unstored page for a signed-in member.
 */
@Component
class PublicResponses {

    private final Duration maxAge;

    PublicResponses(PublicPagesSettings settings) {
        this.maxAge = settings.maxAge();
    }

    /**
     * Prepares the request for a page that anyone may see. For an anonymous reader the CSRF token
     * is taken out of the request: the layout would put it in the page, and making one opens a
     * session (a cookie, a database row) for every visitor and crawler. Such a page has no form
     * that posts, so it needs none.
     */
    static boolean anonymous(@Nullable MemberPrincipal member, HttpServletRequest request) {
        if (member != null) {
            return false;
        }
        AnonymousPages.withoutSession(request);
        return true;
    }

    /**
     * Anonymous: {@code public} for {@code max-age}, varying by language and cookies (a member's
     * session, a chosen currency), unless the response sets a cookie (a language or currency
     * chosen in the address), which no shared cache should hand on. Members: never stored.
     */
    void cacheHeaders(boolean anonymous, HttpServletResponse response) {
        if (!anonymous) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
            return;
        }
        response.setHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        CacheControl control = response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                ? CacheControl.maxAge(maxAge).cachePublic()
                : CacheControl.maxAge(maxAge).cachePrivate();
        response.setHeader(HttpHeaders.CACHE_CONTROL, control.getHeaderValue());
    }
}
