package trade.caravan.reference.load;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Search keys: lower-case ASCII with accents removed, so that "Düsseldorf", "DUSSELDORF" and
 * "Dusseldorf" meet. The loader stores names folded this way; lookups fold what people type the
 * same way before comparing.
 */
public final class SearchKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private SearchKeys() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            // letters that do not decompose into a base letter and a mark
            switch (c) {
                case 'ß' -> folded.append("ss");
                case 'æ', 'Æ' -> folded.append("ae");
                case 'œ', 'Œ' -> folded.append("oe");
                case 'ø', 'Ø' -> folded.append('o');
                case 'đ', 'Đ', 'ð', 'Ð' -> folded.append('d');
                case 'ł', 'Ł' -> folded.append('l');
                case 'ı' -> folded.append('i');
                case 'þ', 'Þ' -> folded.append("th");
                case '\uFFFD' -> { } // the replacement character marks a letter lost upstream
                default -> folded.append(c);
            }
        }
        String withoutMarks = MARKS.matcher(folded).replaceAll("");
        return BLANKS.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Escapes {@code %}, {@code _} and the escape character itself for a SQL {@code LIKE ... ESCAPE '\'}. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
