package trade.caravan.catalog.listing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import trade.caravan.platform.DomainException;

/**
 * A half-open range {@code [from, to)} of whole numbers (minor units of a currency, or units of a
 * product); {@code to} is null for "and more". Written {@code "from-to"} or {@code "from-"} in
 * URLs, so a band a reader chose stays meaningful when the page is shared.
 */
record Band(long from, @Nullable Long to) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,15})-(\\d{1,15})?");

    Band {
        if (from < 0 || (to != null && to <= from)) {
            throw new IllegalArgumentException("Not a band: " + from + "-" + to);
        }
    }

    /** Parses {@code "100-500"} or {@code "10000-"}; anything else is refused as bad input of {@code field}. */
    static Band parse(String text, String field) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw invalid(field);
        }
        long from = Long.parseLong(matcher.group(1));
        Long to = matcher.group(2) == null ? null : Long.parseLong(matcher.group(2));
        if (to != null && to <= from) {
            throw invalid(field);
        }
        return new Band(from, to);
    }

    String id() {
        return from + "-" + (to == null ? "" : to);
    }

    boolean contains(long value) {
        return value >= from && (to == null || value < to);
    }

    private static DomainException invalid(String field) {
        return new DomainException(DomainException.Kind.INVALID, "error.search.band-invalid", field);
    }
}
