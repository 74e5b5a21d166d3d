package trade.caravan.notifications.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-text mail body cut into text and links, so the page can make the links clickable
 * while the template escapes every piece. Only absolute {@code http}/{@code https} URLs become
 * links; anything else ({@code javascript:}, {@code data:}, markup) stays inert text.
 */
final class MailBodyText {

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");
    /** Punctuation that ends a sentence rather than the URL ("see https://x/a." or "(https://x/a)"). */
    private static final String TRAILING = ".,;:!?)]}'\"。，；：！？）」";

    /** One piece of the body: text, or a link whose text is its own URL. */
    record Segment(String text, boolean link) {
    }

    private MailBodyText() {
    }

    static List<Segment> segments(String body) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = URL.matcher(body);
        int start = 0;
        while (matcher.find()) {
            String candidate = trimTrailing(matcher.group());
            int end = matcher.start() + candidate.length();
            if (!isWebLink(candidate)) {
                continue;
            }
            if (matcher.start() > start) {
                segments.add(new Segment(body.substring(start, matcher.start()), false));
            }
            segments.add(new Segment(candidate, true));
            start = end;
        }
        if (start < body.length()) {
            segments.add(new Segment(body.substring(start), false));
        }
        return segments;
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static boolean isWebLink(String candidate) {
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
