package trade.caravan.catalog.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.shared.CountryCode;

/** Generated listings: valid, reproducible, in both languages, each language written as it is written. */
class ListingGeneratorTests {

    /** Latin words a Chinese product title may carry: unit symbols, and names Chinese uses as they are. */
    static final Set<String> LATIN_IN_CHINESE = Set.of("V", "W", "LED", "USB", "C", "T", "POLO", "PU", "TPE", "TPU",
            "EVA");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    final Vocabulary vocabulary = Vocabulary.bundled();
    final List<SupplierProfile> suppliers = List.of(
            new SupplierProfile(new CountryCode("CN"), List.of()),
            new SupplierProfile(new CountryCode("VN"), List.of("61", "62")),
            new SupplierProfile(new CountryCode("TR"), List.of()),
            new SupplierProfile(new CountryCode("ES"), List.of("20", "09")),
            new SupplierProfile(new CountryCode("IN"), List.of()));

    @Test
    void theSameSeedAndIndexGiveTheSameListingAnywhere() {
        var one = new ListingGenerator(vocabulary, 42);
        var other = new ListingGenerator(vocabulary, 42);
        for (long index : new long[] {0, 1, 999_999, 123_456_789L}) {
            assertThat(other.generate(index, suppliers)).isEqualTo(one.generate(index, suppliers));
            assertThat(other.details(index, suppliers.getFirst())).isEqualTo(one.details(index, suppliers.getFirst()));
            assertThat(one.listingId(index)).isEqualTo(one.generate(index, suppliers).id());
        }
        // in any order: a listing depends on nothing generated before it
        assertThat(one.generate(7, suppliers)).isEqualTo(new ListingGenerator(vocabulary, 42).generate(7, suppliers));
        var seed43 = new ListingGenerator(vocabulary, 43);
        assertThat(seed43.generate(0, suppliers)).isNotEqualTo(one.generate(0, suppliers));
        assertThat(seed43.listingId(0)).isNotEqualTo(one.listingId(0));
    }

    @Test
    void listingsAreValidByConstruction() {
        var generator = new ListingGenerator(vocabulary, 7);
        Set<String> chapters = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (long index = 0; index < 3_000; index++) {
            ListingGenerator.Generated generated = generator.generate(index, suppliers);
            ProductDetails details = generated.details();
            SupplierProfile supplier = suppliers.get(generated.supplier());
            chapters.add(details.hsCode().substring(0, 2));
            assertThat(ids.add(generated.id().toString())).isTrue();
            assertThat(generated.id().version()).isEqualTo(4);

            assertThat(details.origin()).isEqualTo(supplier.country());
            assertThat(details.portOfLoading()).startsWith(supplier.country().value());
            if (!supplier.chapters().isEmpty()) {
                assertThat(supplier.chapters()).contains(details.hsCode().substring(0, 2));
            }
            assertThat(vocabulary.country(supplier.country()).currencies()).containsKey(details.currency());
            // the catalog's own rules: tiers start at the MOQ, quantities rise, prices never do
            var tiers = PriceTiers.of(details.currency(), details.tiers().stream()
                    .map(t -> new PriceTiers.Tier(t.minQuantity(), t.unitPriceMinor())).toList(),
                    details.minimumOrderQuantity());
            assertThat(tiers.lowestUnitPrice().minor()).isPositive();
            assertThat(details.leadTimeDays()).isBetween(1, 730);
            assertThat(details.specifications()).hasSizeLessThanOrEqualTo(ProductDetails.MAX_SPECIFICATIONS)
                    .extracting(ProductDetails.Specification::name).doesNotHaveDuplicates().contains("Model number");
            assertThat(details.certifications()).extracting(c -> c.kind() + " " + c.name()).doesNotHaveDuplicates();
            details.certifications().stream().filter(c -> c.kind() == CertificationKind.OTHER)
                    .forEach(c -> assertThat(c.name()).isNotBlank());
            if (details.packaging() != null) {
                assertThat(details.packaging().grossWeightGrams()).isPositive();
            }
            assertThat(generated.ageSeconds()).isBetween(0L, 366L * 24 * 3600);
        }
        assertThat(chapters).hasSizeGreaterThanOrEqualTo(18);
    }

    @Test
    void everyListingIsInEnglishAndChinese() {
        var generator = new ListingGenerator(vocabulary, 11);
        for (long index = 0; index < 3_000; index++) {
            ProductDetails details = generator.generate(index, suppliers).details();
            assertThat(details.texts()).extracting(ProductDetails.Text::locale).containsExactly("en", "zh-CN");
            assertThat(details.defaultLocale()).isIn("en", "zh-CN");
            ProductDetails.Text english = details.text(Locale.ENGLISH);
            ProductDetails.Text chinese = details.text(Locale.SIMPLIFIED_CHINESE);
            assertThat(HAN.matcher(english.title()).find()).as(english.title()).isFalse();
            assertThat(HAN.matcher(english.description()).find()).as(english.description()).isFalse();
            assertThat(english.title()).hasSizeLessThanOrEqualTo(ProductDetails.MAX_TITLE)
                    .matches(title -> Character.isUpperCase(title.charAt(0)) || Character.isDigit(title.charAt(0)));
            assertThat(english.description()).startsWith(english.title()).endsWith(".");
            assertThat(chinese.title()).doesNotContain(" ");
            assertThat(chinese.description()).startsWith(chinese.title()).endsWith("。");
            assertThat(latinWordsOutsideUnitsAndModelNumbers(chinese.title())).as(chinese.title()).isEmpty();
        }
    }

    @Test
    void everyArticleCanBeGenerated() {
        var generator = new ListingGenerator(vocabulary, 3);
        for (Vocabulary.Article article : vocabulary.articles()) {
            CountryCode origin = article.origins().isEmpty()
                    ? vocabulary.chapter(article.chapter()).orElseThrow().origins().keySet().iterator().next()
                    : article.origins().getFirst();
            ProductDetails details = generator.details(1, new SupplierProfile(origin, List.of()), article);
            assertThat(details.hsCode()).isEqualTo(article.hsCode());
            assertThat(details.unit()).isEqualTo(article.unit());
            assertThat(PriceTiers.of(details.currency(), details.tiers().stream()
                    .map(t -> new PriceTiers.Tier(t.minQuantity(), t.unitPriceMinor())).toList(),
                    details.minimumOrderQuantity()).tiers()).isNotEmpty();
            assertThat(details.minimumOrderQuantity()).isBetween(article.minimumOrder().min(),
                    Math.max(article.minimumOrder().min(), article.minimumOrder().max()));
            String titleEn = details.text(Locale.ENGLISH).title().toLowerCase(Locale.ROOT);
            assertThat(titleEn).contains(article.name().en().toLowerCase(Locale.ROOT));
            assertThat(details.text(Locale.SIMPLIFIED_CHINESE).title()).contains(article.name().zh());
            article.modifiers().stream().filter(Vocabulary.Modifier::required).forEach(modifier -> assertThat(
                    modifier.group().terms().stream().anyMatch(t -> titleEn.contains(t.text().en().toLowerCase(
                            Locale.ROOT)))).as(titleEn + " has its " + modifier.group().name()).isTrue());
        }
    }

    @Test
    void theChineseTitleRuleCatchesEnglishLeftInIt() {
        assertThat(latinWordsOutsideUnitsAndModelNumbers("1.7升不锈钢电热水壶")).isEmpty();
        assertThat(latinWordsOutsideUnitsAndModelNumbers("18V锂电钻")).isEmpty();
        assertThat(latinWordsOutsideUnitsAndModelNumbers("M8×40毫米镀锌六角螺栓")).isEmpty();
        assertThat(latinWordsOutsideUnitsAndModelNumbers("A4线圈笔记本")).isEmpty();
        assertThat(latinWordsOutsideUnitsAndModelNumbers("白色stainless电热水壶")).containsExactly("stainless");
        assertThat(latinWordsOutsideUnitsAndModelNumbers("Kettle 电热水壶")).containsExactly("Kettle");
    }

    /** Latin words that are neither whitelisted nor touching a digit (units such as 12V, models such as A4). */
    static List<String> latinWordsOutsideUnitsAndModelNumbers(String title) {
        List<String> words = new ArrayList<>();
        Matcher matcher = LATIN_WORD.matcher(title);
        while (matcher.find()) {
            boolean touchesDigit = (matcher.start() > 0 && Character.isDigit(title.charAt(matcher.start() - 1)))
                    || (matcher.end() < title.length() && Character.isDigit(title.charAt(matcher.end())));
            if (!touchesDigit && !LATIN_IN_CHINESE.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }
}
