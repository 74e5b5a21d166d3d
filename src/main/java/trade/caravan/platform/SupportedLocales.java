package trade.caravan.platform;

import java.util.List;
import java.util.Locale;

/** The languages of the user interface: English and Simplified Chinese. */
public final class SupportedLocales {

    public static final Locale DEFAULT = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> ALL = List.of(DEFAULT, CHINESE);

    private SupportedLocales() {
    }

    /** Maps any locale onto a supported one: any Chinese to zh-CN, everything else to English. */
    public static Locale normalize(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? CHINESE : DEFAULT;
    }

    public static Locale nearest(List<Locale.LanguageRange> ranges) {
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0 && range.getRange().toLowerCase(Locale.ROOT).startsWith("zh")) {
                return CHINESE;
            }
            if (range.getWeight() > 0 && range.getRange().toLowerCase(Locale.ROOT).startsWith("en")) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }

    public static boolean isSupported(Locale locale) {
        return ALL.contains(locale);
    }
}
