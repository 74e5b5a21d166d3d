package trade.caravan.catalog.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.generate.Vocabulary.Article;
import trade.caravan.catalog.generate.Vocabulary.Chapter;
import trade.caravan.catalog.generate.Vocabulary.Country;
import trade.caravan.catalog.generate.Vocabulary.Modifier;
import trade.caravan.catalog.generate.Vocabulary.Port;
import trade.caravan.catalog.generate.Vocabulary.Specification;
import trade.caravan.catalog.generate.Vocabulary.Term;
import trade.caravan.catalog.generate.Vocabulary.Text;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * Makes plausible product details from the {@link Vocabulary}: an article of one of the supplier's
 * chapters, a title of modifiers and noun in English and in Chinese (same modifiers, each
 * language's word order), specifications that agree with the title, tiered prices that start at
 * the minimum order quantity and fall, a lead time, certifications, a port of the supplier's
 * country and export packaging. Valid by construction: every result passes {@link ProductDetails}
 * and the reference-data checks of product management.
 *
 * <p>Deterministic: the same seed, index and suppliers give the same listing, on any machine,
 * whatever was generated before, so a benchmark can be rebuilt row for row. That is why it draws
 * from a seeded {@link SplittableRandom} and not from the application's {@code SecureRandom}:
 * these are sample data, not secrets, and being predictable is the point.
 */
public final class ListingGenerator {

    /** Quantities people order in: MOQs and tier breaks are picked from these. */
    private static final long[] ROUND_QUANTITIES = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 300, 500, 1_000, 2_000,
            2_500, 3_000, 5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000, 1_000_000,
            2_000_000, 5_000_000, 10_000_000};
    private static final int[] TIER_COUNT_WEIGHTS = {15, 30, 35, 20};
    private static final int[] TIER_STEPS = {2, 2, 3, 5, 5, 10};
    /** Tier breaks stop at this multiple of the MOQ: nobody quotes for a million times the minimum. */
    private static final int LAST_TIER_TIMES_MOQ = 100;
    private static final int MODIFIER_PERCENT = 60;
    private static final int HOOK_PERCENT = 30;
    private static final int PACKAGING_PERCENT = 90;
    private static final long SECONDS_PER_YEAR = 365L * 24 * 3600;
    private static final String ENGLISH = "en";
    private static final String CHINESE = "zh-CN";
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    /** A listing for the bulk writer: its id, which supplier it belongs to, and how long ago it was listed. */
    public record Generated(UUID id, int supplier, ProductDetails details, long ageSeconds) {
    }

    private final Vocabulary vocabulary;
    private final long seed;
    private final Map<CountryCode, Typical> typicalChapters;

    public ListingGenerator(Vocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.seed = seed;
        this.typicalChapters = typicalChapters(vocabulary);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The listing number {@code index} of this seed, for this supplier. */
    public ProductDetails details(long index, SupplierProfile supplier) {
        return compose(random(index), supplier);
    }

    /**
     * The listing number {@code index} of this seed, with a stable identifier, one of the
     * suppliers (CN-heavy as the suppliers are) and an age of up to a year.
     */
    public Generated generate(long index, List<SupplierProfile> suppliers) {
        SplittableRandom random = random(index);
        UUID id = uuid(random);
        int supplier = random.nextInt(suppliers.size());
        long age = random.nextLong(SECONDS_PER_YEAR);
        return new Generated(id, supplier, compose(random, suppliers.get(supplier)), age);
    }

    /** The identifier {@link #generate} gives listing number {@code index}. */
    public UUID listingId(long index) {
        return uuid(random(index));
    }

    /** A version 4 (random) UUID, from the listing's own random numbers. */
    private static UUID uuid(SplittableRandom random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
    }

    /** One generator per listing, derived from (seed, index) alone: listings do not depend on each other. */
    SplittableRandom random(long index) {
        return new SplittableRandom(mix(seed * 0x9E37_79B9_7F4A_7C15L + index));
    }

    /** SplitMix64's finalizer: neighbouring indexes get unrelated streams. */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The listing number {@code index} for this supplier, of this article (so that tests can try every article). */
    ProductDetails details(long index, SupplierProfile supplier, Article article) {
        SplittableRandom random = random(index);
        return compose(random, supplier, vocabulary.chapter(article.chapter()).orElseThrow(), article);
    }

    private ProductDetails compose(SplittableRandom random, SupplierProfile supplier) {
        Chapter chapter = chapter(random, supplier);
        List<Article> candidates = chapter.articles().stream().filter(a -> a.madeIn(supplier.country())).toList();
        return compose(random, supplier, chapter, pick(random, candidates.isEmpty() ? chapter.articles() : candidates));
    }

    private ProductDetails compose(SplittableRandom random, SupplierProfile supplier, Chapter chapter,
            Article article) {
        Country country = vocabulary.country(supplier.country());

        List<Chosen> chosen = new ArrayList<>();
        for (Modifier modifier : article.modifiers()) {
            if (modifier.required() || random.nextInt(100) < MODIFIER_PERCENT) {
                chosen.add(new Chosen(modifier, pick(random, modifier.group().terms())));
            }
        }
        Text hook = random.nextInt(100) < HOOK_PERCENT ? pick(random, vocabulary.hooks()) : null;
        String titleEn = capitalize((hook == null ? "" : hook.en() + " ") + title(chosen, article, true));
        String titleZh = (hook == null ? "" : hook.zh()) + title(chosen, article, false);

        long moq = roundQuantity(random, article.minimumOrder());
        CurrencyCode currency = weighted(random, country.currencies());
        List<ProductDetails.PriceTier> tiers = tiers(random, article, moq,
                vocabulary.perThousandUsdCents().get(currency));
        int leadTime = leadTime(random, chapter.leadTimeDays());
        Port port = pick(random, country.ports());
        List<ProductDetails.Certification> certifications = certifications(random, chapter, chosen);

        var facts = new Facts(titleEn, titleZh, country, port, moq, article, leadTime, certifications);
        String defaultLocale = random.nextInt(100) < country.chineseFirstPercent() ? CHINESE : ENGLISH;
        Description description = description(random, chapter, facts);
        return new ProductDetails(article.hsCode(), defaultLocale,
                List.of(new ProductDetails.Text(ENGLISH, titleEn, description.en()),
                        new ProductDetails.Text(CHINESE, titleZh, description.zh())),
                specifications(random, chapter, article, chosen), article.unit(), moq, currency, tiers, leadTime,
                supplier.country(), port.code(), certifications, packaging(random, chapter, article), List.of());
    }

    private record Chosen(Modifier modifier, Term term) {
    }

    private record Facts(String titleEn, String titleZh, Country country, Port port, long moq, Article article,
            int leadTime, List<ProductDetails.Certification> certifications) {
    }

    private Chapter chapter(SplittableRandom random, SupplierProfile supplier) {
        if (!supplier.chapters().isEmpty()) {
            String code = pick(random, supplier.chapters());
            return vocabulary.chapter(code)
                    .orElseThrow(() -> new IllegalArgumentException("The vocabulary has no chapter " + code));
        }
        Typical typical = typicalChapters.get(supplier.country());
        return typical == null ? pick(random, vocabulary.chapters())
                : typical.chapters().get(weightedIndex(random, typical.shares()));
    }

    /** The chapters a country's exporters typically sell in, weighted by its share of each. */
    private record Typical(List<Chapter> chapters, int[] shares) {
    }

    private static Map<CountryCode, Typical> typicalChapters(Vocabulary vocabulary) {
        Map<CountryCode, Typical> typical = new LinkedHashMap<>();
        for (CountryCode country : vocabulary.countries().keySet()) {
            List<Chapter> chapters = new ArrayList<>();
            List<Integer> shares = new ArrayList<>();
            for (Chapter chapter : vocabulary.chapters()) {
                Integer share = chapter.origins().get(country);
                if (share != null) {
                    chapters.add(chapter);
                    shares.add(share);
                }
            }
            if (!chapters.isEmpty()) {
                typical.put(country, new Typical(List.copyOf(chapters),
                        shares.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return typical;
    }

    private static String title(List<Chosen> chosen, Article article, boolean english) {
        List<String> before = new ArrayList<>();
        Text lead = article.lead();
        if (lead != null) {
            before.add(english ? lead.en() : lead.zh());
        }
        List<String> after = new ArrayList<>();
        for (Chosen c : chosen) {
            boolean trailing = english ? c.modifier().group().enAfter() : c.modifier().group().zhAfter();
            (trailing ? after : before).add(english ? c.term().text().en() : c.term().text().zh());
        }
        List<String> words = new ArrayList<>(before);
        words.add(english ? article.name().en() : article.name().zh());
        words.addAll(after);
        // Chinese writes no spaces between words
        return String.join(english ? " " : "", words);
    }

    private static List<ProductDetails.Specification> specifications(SplittableRandom random, Chapter chapter,
            Article article, List<Chosen> chosen) {
        Map<String, String> specifications = new LinkedHashMap<>();
        specifications.put("Model number", modelNumber(random));
        for (Chosen c : chosen) {
            specifications.merge(c.modifier().group().specName(), c.term().specValue(), (a, b) -> a + ", " + b);
        }
        for (Specification specification : article.specifications()) {
            specifications.putIfAbsent(specification.name(), pick(random, specification.values()));
        }
        for (Specification specification : chapter.specifications()) {
            specifications.putIfAbsent(specification.name(), pick(random, specification.values()));
        }
        return specifications.entrySet().stream()
                .map(e -> new ProductDetails.Specification(e.getKey(), e.getValue())).toList();
    }

    private static String modelNumber(SplittableRandom random) {
        return "" + LETTERS.charAt(random.nextInt(LETTERS.length())) + LETTERS.charAt(random.nextInt(LETTERS.length()))
                + "-" + (100 + random.nextInt(9_900));
    }

    /** A round quantity in the range, the smaller ones likelier (as most listings ask for little). */
    private static long roundQuantity(SplittableRandom random, Vocabulary.Range range) {
        List<Long> candidates = new ArrayList<>();
        for (long quantity : ROUND_QUANTITIES) {
            if (quantity >= range.min() && quantity <= range.max()) {
                candidates.add(quantity);
            }
        }
        if (candidates.isEmpty()) {
            return Math.max(1, range.min());
        }
        int a = random.nextInt(candidates.size());
        int b = random.nextInt(candidates.size());
        return candidates.get(Math.min(a, b));
    }

    /** The first tier at the MOQ, then larger round quantities at unit prices 3 to 12% lower each. */
    private static List<ProductDetails.PriceTier> tiers(SplittableRandom random, Article article, long moq,
            int perThousandUsdCents) {
        int count = 1 + weightedIndex(random, TIER_COUNT_WEIGHTS);
        Vocabulary.Range price = article.priceUsdCents();
        long usdCents = skewedBetween(random, price.min(), price.max());
        List<ProductDetails.PriceTier> tiers = new ArrayList<>();
        long quantity = moq;
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            long minor = Math.min(previous, roundPrice(Math.max(1, usdCents * perThousandUsdCents / 1000)));
            tiers.add(new ProductDetails.PriceTier(quantity, minor));
            previous = minor;
            long next = nextRoundQuantity(quantity * TIER_STEPS[random.nextInt(TIER_STEPS.length)]);
            if (next <= quantity || next > moq * LAST_TIER_TIMES_MOQ) {
                break;
            }
            quantity = next;
            usdCents = usdCents * (100 - 3 - random.nextInt(10)) / 100;
        }
        return tiers;
    }

    private static long nextRoundQuantity(long atLeast) {
        for (long quantity : ROUND_QUANTITIES) {
            if (quantity >= atLeast) {
                return quantity;
            }
        }
        return atLeast;
    }

    /** Prices as people write them: whole tens above 10.00, whole units (of 100) above 100.00. */
    static long roundPrice(long minor) {
        if (minor >= 10_000) {
            return (minor + 50) / 100 * 100;
        }
        if (minor >= 1_000) {
            return (minor + 5) / 10 * 10;
        }
        return minor;
    }

    /** Between min and max, nearer the bottom: most goods sell near their range's cheap end. */
    private static long skewedBetween(SplittableRandom random, long min, long max) {
        long u = random.nextLong(1_001);
        return min + (max - min) * u * u / 1_000_000;
    }

    private static int leadTime(SplittableRandom random, Vocabulary.Range range) {
        long days = range.min() + random.nextLong(range.max() - range.min() + 1);
        return (int) (days > 10 ? days / 5 * 5 : days);
    }

    private static List<ProductDetails.Certification> certifications(SplittableRandom random, Chapter chapter,
            List<Chosen> chosen) {
        Set<CertificationKind> kinds = new LinkedHashSet<>();
        Set<String> others = new LinkedHashSet<>();
        chosen.stream().map(c -> c.term().implies()).filter(k -> k != null).forEach(kinds::add);
        int wanted = weightedIndex(random, new int[] {20, 40, 30, 10});
        int available = chapter.certifications().size() + chapter.otherCertifications().size();
        for (int tries = 0; kinds.size() + others.size() < Math.min(wanted, available) && tries < 20; tries++) {
            int index = random.nextInt(available);
            if (index < chapter.certifications().size()) {
                kinds.add(chapter.certifications().get(index));
            } else {
                others.add(chapter.otherCertifications().get(index - chapter.certifications().size()));
            }
        }
        List<ProductDetails.Certification> certifications = new ArrayList<>();
        kinds.forEach(kind -> certifications.add(new ProductDetails.Certification(kind, null, null)));
        others.forEach(name -> certifications.add(
                new ProductDetails.Certification(CertificationKind.OTHER, name, null)));
        return certifications;
    }

    private static ProductDetails.@Nullable Packaging packaging(SplittableRandom random, Chapter chapter,
            Article article) {
        if (random.nextInt(100) >= PACKAGING_PERCENT) {
            return null;
        }
        Vocabulary.Carton carton = chapter.carton();
        int units = (int) between(random, carton.units());
        int length = (int) between(random, carton.length()) / 10 * 10;
        int width = (int) Math.min(length, between(random, carton.width()) / 10 * 10);
        int height = (int) between(random, carton.height()) / 10 * 10;
        long gross = (long) units * article.unitWeightGrams() + 300 + random.nextInt(900);
        return new ProductDetails.Packaging(units, Math.max(10, length), Math.max(10, width), Math.max(10, height),
                (int) Math.min(Integer.MAX_VALUE, gross));
    }

    private record Description(String en, String zh) {
    }

    private Description description(SplittableRandom random, Chapter chapter, Facts facts) {
        Vocabulary.Descriptions sentences = vocabulary.descriptions();
        List<Text> chosen = new ArrayList<>();
        chosen.add(pick(random, sentences.openings()));
        List<Text> optional = new ArrayList<>();
        if (!chapter.features().isEmpty()) {
            optional.add(pick(random, chapter.features()));
        }
        optional.add(pick(random, sentences.terms()));
        if (!facts.certifications().isEmpty()) {
            optional.add(pick(random, sentences.certified()));
        }
        optional.add(pick(random, sentences.services()));
        int extra = random.nextInt(3);
        // keep the canonical order (feature, terms, certificates, service) while dropping some
        while (optional.size() > extra) {
            optional.remove(random.nextInt(optional.size()));
        }
        chosen.addAll(optional);
        StringBuilder en = new StringBuilder();
        StringBuilder zh = new StringBuilder();
        for (Text sentence : chosen) {
            en.append(en.isEmpty() ? "" : " ").append(fill(sentence.en(), facts, true));
            zh.append(fill(sentence.zh(), facts, false));
        }
        return new Description(en.toString(), zh.toString());
    }

    private String fill(String template, Facts facts, boolean english) {
        Vocabulary.UnitName unit = vocabulary.unitName(facts.article().unit());
        String certificates = String.join(english ? ", " : "、", facts.certifications().stream()
                .map(c -> c.kind() == CertificationKind.OTHER ? c.name()
                        : english ? vocabulary.certificationName(c.kind()).en()
                                : vocabulary.certificationName(c.kind()).zh())
                .toList());
        return template
                .replace("{title}", english ? facts.titleEn() : facts.titleZh())
                .replace("{origin}", english ? facts.country().name().en() : facts.country().name().zh())
                .replace("{port}", english ? facts.port().name().en() : facts.port().name().zh())
                .replace("{moq}", english ? String.format(Locale.ENGLISH, "%,d", facts.moq())
                        : Long.toString(facts.moq()))
                .replace("{unit}", english ? (facts.moq() == 1 ? unit.en() : unit.enPlural()) : unit.zh())
                .replace("{lead}", Integer.toString(facts.leadTime()))
                .replace("{certs}", certificates);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ENGLISH) + text.substring(1);
    }

    private static long between(SplittableRandom random, Vocabulary.Range range) {
        return range.min() + random.nextLong(range.max() - range.min() + 1);
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    static <T> T weighted(SplittableRandom random, Map<T, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int ticket = random.nextInt(total);
        for (Map.Entry<T, Integer> entry : weights.entrySet()) {
            ticket -= entry.getValue();
            if (ticket < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("Unreachable: weights sum to " + total);
    }

    static int weightedIndex(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int ticket = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            ticket -= weights[i];
            if (ticket < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
