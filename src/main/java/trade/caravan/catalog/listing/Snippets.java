package trade.caravan.catalog.listing;

import org.springframework.web.util.HtmlUtils;

/**
 * Highlighted text made safe for HTML. The highlighter marks matches with two private-use
 * characters instead of tags; here everything is HTML-escaped, suppliers' text included, and only
 * then are the markers replaced by {@code <mark>} and {@code </mark>}, always balanced. No other
 * markup can come out of it.
 */
final class Snippets {

    static final String OPEN = "\uE000";
    static final String CLOSE = "\uE001";

    private Snippets() {
    }

    static String html(String highlighted) {
        StringBuilder html = new StringBuilder(highlighted.length() + 32);
        StringBuilder text = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < highlighted.length(); i++) {
            char c = highlighted.charAt(i);
            if (c == OPEN.charAt(0) || c == CLOSE.charAt(0)) {
                html.append(HtmlUtils.htmlEscape(text.toString()));
                text.setLength(0);
                if (c == OPEN.charAt(0) && !open) {
                    html.append("<mark>");
                    open = true;
                } else if (c == CLOSE.charAt(0) && open) {
                    html.append("</mark>");
                    open = false;
                }
            } else if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
                text.append(c);
            }
        }
        html.append(HtmlUtils.htmlEscape(text.toString()));
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }

    /** The text without markers, to compare a highlighted fragment with the field it came from. */
    static String plain(String highlighted) {
        return highlighted.replace(OPEN, "").replace(CLOSE, "");
    }

    static String escape(String text) {
        return html(plain(text));
    }
}
