package trade.caravan.catalog.listing;

import java.util.Locale;

/**
 * The names of the listing index's fields and analyzers, shared by the mapping ({@link Listing},
 * {@link ListingTextsBinder}), the analysis configurers and {@link ListingSearch}.
 */
final class ListingFields {

    /** English: standard tokenizer, possessives, lower case, stop words, Porter stemming. */
    static final String ENGLISH = "caravan_english";
    /** Chinese (zh, zh-CN, zh-TW…): SmartCN word segmentation (and Porter stemming of Latin words). */
    static final String CHINESE = "caravan_chinese";
    /** Every other language: Unicode word boundaries, lower case, no stemming. */
    static final String STANDARD = "caravan_standard";
    /**
     * Chinese titles again, as overlapping pairs of characters: a shorter word inside one that
     * SmartCN keeps whole (水壶 in 电热水壶, "kettle" in "electric kettle") still matches.
     */
    static final String CHINESE_BIGRAMS = "caravan_chinese_bigrams";

    /** Chinese titles analysed by {@link #CHINESE_BIGRAMS}; searched, never shown. */
    static final String TITLE_ZH_BIGRAMS = "title_zh_bigrams";

    static final String KEY = "key";
    static final String SUPPLIER_ID = "supplierId";
    static final String SUPPLIER_NAME = "supplierName";
    static final String SUPPLIER_COUNTRY = "supplierCountry";
    static final String HS_CODE = "hsCode";
    static final String HS_CHAPTER = "hsChapter";
    static final String HS_SECTION = "hsSection";
    static final String DEFAULT_LOCALE = "defaultLocale";
    static final String UNIT = "unitOfMeasure";
    static final String MOQ = "minimumOrderQuantity";
    static final String CURRENCY = "currency";
    static final String PRICE_MINOR = "lowestPriceMinor";
    static final String PRICE_EUR = "lowestPriceEurCents";
    static final String ORIGIN = "originCountry";
    static final String PUBLISHED_AT = "publishedAt";
    static final String IMAGES = "images";
    static final String CERTIFICATIONS = "certifications.kind";
    static final String SPECIFICATION_NAMES = "specifications.name";
    static final String SPECIFICATION_VALUES = "specifications.value";

    /** Which language group a text belongs to; each has its own fields and analyzer. */
    enum Language {
        EN("en", ENGLISH), ZH("zh", CHINESE), OTHER("other", STANDARD);

        private final String suffix;
        private final String analyzer;

        Language(String suffix, String analyzer) {
            this.suffix = suffix;
            this.analyzer = analyzer;
        }

        String title() {
            return "title_" + suffix;
        }

        String description() {
            return "description_" + suffix;
        }

        String analyzer() {
            return analyzer;
        }

        /** Whether typo tolerance applies: edit distance means little for Chinese words of one or two characters. */
        boolean latin() {
            return this != ZH;
        }

        static Language of(String languageTag) {
            String language = Locale.forLanguageTag(languageTag).getLanguage();
            return switch (language) {
                case "en" -> EN;
                case "zh" -> ZH;
                default -> OTHER;
            };
        }
    }

    private ListingFields() {
    }
}
