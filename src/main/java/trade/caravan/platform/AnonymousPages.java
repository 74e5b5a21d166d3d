package trade.caravan.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * Pages that anyone may read (search, product pages, storefronts) rendered for a visitor who is
 * not signed in. The layout puts the request's CSRF token in every page, and making one opens a
 * session: a cookie and a database row for every visitor and crawler. Such a page has no form that
 * posts, so its token is taken out of the request before rendering.
 */
public final class AnonymousPages {

    private AnonymousPages() {
    }

    /** Renders the current request without a CSRF token, hence without opening a session. */
    public static void withoutSession(HttpServletRequest request) {
        request.removeAttribute("_csrf");
        request.removeAttribute(CsrfToken.class.getName());
    }
}
