package trade.caravan.support;

/** Helpers to compare rendered pages. */
public final class Pages {

    private Pages() {
    }

    /** The page without its per-session CSRF tokens (meta tag and hidden inputs). */
    public static String withoutCsrfTokens(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "name=\"_csrf\"")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]+\">", "<meta name=\"_csrf\">");
    }
}
