package trade.caravan.catalog.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import trade.caravan.catalog.generate.Vocabulary.Article;
import trade.caravan.catalog.generate.Vocabulary.Chapter;
import trade.caravan.catalog.generate.Vocabulary.ModifierGroup;
import trade.caravan.catalog.generate.Vocabulary.Term;
import trade.caravan.catalog.generate.Vocabulary.Text;
import trade.caravan.shared.CurrencyCode;

/** The bundled vocabulary: broad enough for a realistic catalog, and every text in the right language. */
class VocabularyTests {

    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    final Vocabulary vocabulary = Vocabulary.bundled();

    @Test
    void coversTheChaptersSmallExportersTradeIn() {
        Set<String> chapters = new HashSet<>();
        vocabulary.chapters().forEach(c -> chapters.add(c.code()));
        assertThat(chapters).hasSizeGreaterThanOrEqualTo(20).contains("09", "20", "39", "42", "44", "48", "61", "62",
                "63", "64", "69", "70", "73", "82", "84", "85", "87", "90", "94", "95");
        for (Chapter chapter : vocabulary.chapters()) {
            assertThat(chapter.articles()).as(chapter.code()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(chapter.origins()).as(chapter.code()).isNotEmpty();
            assertThat(chapter.leadTimeDays().max()).as(chapter.code()).isLessThanOrEqualTo(730);
        }
        assertThat(vocabulary.articles()).hasSizeGreaterThan(250);
    }

    @Test
    void everyArticleIsASubheadingOfItsChapterWithSensibleRanges() {
        for (Article article : vocabulary.articles()) {
            assertThat(article.hsCode()).as(article.name().en()).matches("[0-9]{6}").startsWith(article.chapter());
            assertThat(article.priceUsdCents().min()).as(article.name().en()).isPositive();
            assertThat(article.minimumOrder().min()).as(article.name().en()).isPositive();
            assertThat(article.unitWeightGrams()).as(article.name().en()).isPositive();
            assertThat(vocabulary.unitName(article.unit())).isNotNull();
            article.origins().forEach(origin -> assertThat(vocabulary.countries()).containsKey(origin));
        }
    }

    @Test
    void englishIsEnglishAndChineseIsChinese() {
        for (Chapter chapter : vocabulary.chapters()) {
            bilingual(chapter.name());
            chapter.features().forEach(VocabularyTests::bilingual);
            for (Article article : chapter.articles()) {
                bilingual(article.name());
                if (article.lead() != null) {
                    bilingual(article.lead());
                }
            }
            for (ModifierGroup group : chapter.modifierGroups()) {
                for (Term term : group.terms()) {
                    assertThat(HAN.matcher(term.text().en()).find()).as(term.text().en()).isFalse();
                    assertThat(HAN.matcher(term.specValue()).find()).as(term.specValue()).isFalse();
                    // a few modifiers are Latin in Chinese too: sizes (A4) and materials (TPE)
                    if (!term.text().zh().matches("[A-Z0-9]+")) {
                        assertThat(HAN.matcher(term.text().zh()).find()).as(term.text().zh()).isTrue();
                    }
                }
            }
        }
        vocabulary.countries().values().forEach(country -> {
            bilingual(country.name());
            country.ports().forEach(port -> bilingual(port.name()));
        });
        var sentences = vocabulary.descriptions();
        sentences.openings().forEach(VocabularyTests::bilingual);
        sentences.terms().forEach(VocabularyTests::bilingual);
        sentences.services().forEach(VocabularyTests::bilingual);
        assertThat(vocabulary.hooks()).isNotEmpty().allSatisfy(VocabularyTests::bilingual);
    }

    @Test
    void searchKeysAreSingleWords() {
        for (Article article : vocabulary.articles()) {
            assertThat(article.searchKey().en()).as(article.name().en()).doesNotContain(" ").isNotBlank();
            assertThat(article.searchKey().zh()).as(article.name().zh()).doesNotContain(" ").isNotBlank();
        }
    }

    @Test
    void everyCountryQuotesInAKnownCurrencyAndHasPorts() {
        vocabulary.countries().values().forEach(country -> {
            assertThat(country.ports()).as(country.code().value()).isNotEmpty()
                    .allSatisfy(port -> assertThat(port.code()).startsWith(country.code().value()));
            assertThat(vocabulary.perThousandUsdCents()).containsKeys(
                    country.currencies().keySet().toArray(new CurrencyCode[0]));
        });
    }

    private static void bilingual(Text text) {
        assertThat(HAN.matcher(text.en()).find()).as("English: " + text.en()).isFalse();
        assertThat(HAN.matcher(text.zh()).find()).as("Chinese: " + text.zh()).isTrue();
    }
}
