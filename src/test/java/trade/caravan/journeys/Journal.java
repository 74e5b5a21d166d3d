package trade.caravan.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotCaret;

/**
 * The record of one journey: a numbered full-page screenshot after each step under
 * {@code target/screenshots/<language>/}, and, for a language other than English, a check at each
 * step that the page shows no English sentence (an untranslated string).
 */
final class Journal {

    /**
     * Three or more English words in a row, separated by spaces as in a sentence: a phrase, not a
     * brand name, a recovery code (letters joined by hyphens) or an address.
     */
    private static final Pattern ENGLISH_PHRASE = Pattern.compile("[A-Za-z]{2,}(?:[,.]?[ \u00A0]+[A-Za-z']{2,}){2,}");
    private static final Pattern ADDRESS_OR_LINK = Pattern.compile("https?://\\S+|\\S+@\\S+");

    private final Path directory;
    private final Locale locale;
    private int step;

    Journal(String language, Locale locale) {
        this.directory = Path.of("target", "screenshots", language);
        this.locale = locale;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the page as it is after the step {@code name}, and checks its language; {@code names}
     * are proper names the page quotes from data (a certificate's issuer), not text to translate.
     */
    void step(Page page, String name, String... names) {
        snapshot(page, name);
        assertThat(page.locator("html").getAttribute("lang")).as("language of %s", page.url())
                .isEqualTo(locale.toLanguageTag());
        if (!"en".equals(locale.getLanguage())) {
            String text = page.locator("body").innerText();
            for (String properName : names) {
                text = text.replace(properName, "");
            }
            assertThat(englishPhrases(text))
                    .as("untranslated text on %s (step %d, %s)", page.url(), step, name)
                    .isEmpty();
        }
    }

    /** Records the page as it is after the step {@code name}. */
    void snapshot(Page page, String name) {
        step++;
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(directory.resolve("%02d-%s.png".formatted(step, name)))
                .setFullPage(true)
                // hiding the text caret leaves an empty style attribute on the page's inputs, which
                // htmx copies onto the inputs it swaps in, and the CSP (style-src) reports each copy
                .setCaret(ScreenshotCaret.INITIAL));
    }

    static List<String> englishPhrases(String text) {
        Matcher matcher = ENGLISH_PHRASE.matcher(ADDRESS_OR_LINK.matcher(text).replaceAll(" "));
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
