package trade.caravan.reference;

import trade.caravan.platform.DomainException;

/** Limits on what people may type into a reference lookup. */
final class SearchText {

    /** Longer queries are refused rather than truncated, so nobody is surprised by what was searched. */
    static final int MAX_LENGTH = 100;

    private SearchText() {
    }

    static String check(String query) {
        String text = query.strip();
        if (text.length() > MAX_LENGTH) {
            throw new DomainException(DomainException.Kind.INVALID, "error.reference.query-too-long", MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new DomainException(DomainException.Kind.INVALID, "error.reference.query-invalid");
            }
        }
        return text;
    }

    /** A value echoed in an error message, cut short so that a hostile value cannot fill the page. */
    static String echo(String value) {
        String text = value.strip();
        return text.length() <= 12 ? text : text.substring(0, 12) + "…";
    }
}
