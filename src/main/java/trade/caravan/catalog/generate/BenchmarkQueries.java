package trade.caravan.catalog.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

import trade.caravan.catalog.generate.Vocabulary.Article;
import trade.caravan.catalog.generate.Vocabulary.Chapter;
import trade.caravan.catalog.generate.Vocabulary.Modifier;
import trade.caravan.catalog.generate.Vocabulary.Term;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * The search benchmark's query mix, from the same vocabulary as the listings, so queries find
 * what buyers would find: two terms each (a modifier and a noun, "stainless kettle", or two nouns of
 * one chapter, "kettle toaster"), 60% in English and 40% in Chinese (written without a space, as
 * Chinese is typed: "不锈钢水壶"; {@code terms} has the two words apart), and on about half of
 * them facet selections that fit the article searched for: its origin country, HS chapter, a
 * certification of its chapter, the price band or MOQ band it sells in. Deterministic from the
 * seed, like the listings.
 */
public final class BenchmarkQueries {

    private static final CurrencyCode EURO = new CurrencyCode("EUR");
    private static final int ENGLISH_PERCENT = 60;
    private static final int TWO_NOUNS_PERCENT = 20;
    private static final int[] FACET_COUNT_WEIGHTS = {50, 28, 15, 7};
    private static final String[] FACETS = {"origin", "chapter", "certification", "price", "moq"};
    /** Price bands in euro cents (lowest unit price), the last one open. */
    private static final long[] PRICE_BANDS = {0, 100, 500, 2_000, 10_000, 50_000};
    /** MOQ bands in units, the last one open. */
    private static final long[] MOQ_BANDS = {1, 101, 1_001, 10_001};

    /** A range of values, both ends included; {@code max} absent for "and more". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(long min, @Nullable Long max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facets(@Nullable String origin, @Nullable String chapter, @Nullable String certification,
            @Nullable Band priceEurCents, @Nullable Band moq) {

        public int count() {
            int count = 0;
            for (Object facet : new Object[] {origin, chapter, certification, priceEurCents, moq}) {
                count += facet == null ? 0 : 1;
            }
            return count;
        }
    }

    /** One query: {@code q} as typed, {@code lang} "en" or "zh", the two {@code terms}, the facets selected. */
    public record Query(long id, String lang, String q, List<String> terms, Facets facets) {
    }

    private final Vocabulary vocabulary;
    private final long seed;
    private final List<Article> articles;

    public BenchmarkQueries(Vocabulary vocabulary, long seed) {
        this.vocabulary = vocabulary;
        this.seed = seed;
        this.articles = vocabulary.articles();
    }

    public Query query(long index) {
        var random = new SplittableRandom(ListingGenerator.mix(~seed * 0x632B_E59B_D9B4_E019L + index));
        boolean english = random.nextInt(100) < ENGLISH_PERCENT;
        Article article = ListingGenerator.pick(random, articles);
        Chapter chapter = vocabulary.chapter(article.chapter()).orElseThrow();
        List<Term> modifiers = new ArrayList<>();
        for (Modifier modifier : article.modifiers()) {
            if (modifier.group().searchable()) {
                modifiers.addAll(modifier.group().terms());
            }
        }
        String noun = english ? article.searchKey().en() : article.searchKey().zh();
        String first = null;
        if (modifiers.isEmpty() || random.nextInt(100) < TWO_NOUNS_PERCENT) {
            Article other = ListingGenerator.pick(random, chapter.articles());
            String otherNoun = english ? other.searchKey().en() : other.searchKey().zh();
            if (!otherNoun.equals(noun)) {
                first = otherNoun;
            }
        }
        if (first == null && !modifiers.isEmpty()) {
            Term modifier = ListingGenerator.pick(random, modifiers);
            first = english ? modifier.searchKey().en() : modifier.searchKey().zh();
        }
        if (first == null || first.equals(noun)) {
            first = chapterWord(chapter, english);
        }
        List<String> terms = List.of(english ? first.toLowerCase(Locale.ROOT) : first,
                english ? noun.toLowerCase(Locale.ROOT) : noun);
        String q = String.join(english ? " " : "", terms);
        return new Query(index, english ? "en" : "zh", q, terms, facets(random, chapter, article));
    }

    /** A word for the chapter itself, for an article with nothing to modify it ("tea" in "coffee, tea and spices"). */
    private static String chapterWord(Chapter chapter, boolean english) {
        String name = english ? chapter.name().en() : chapter.name().zh();
        return english ? name.split("[ ,]+")[0] : name.substring(0, Math.min(2, name.length()));
    }

    private Facets facets(SplittableRandom random, Chapter chapter, Article article) {
        int wanted = ListingGenerator.weightedIndex(random, FACET_COUNT_WEIGHTS);
        List<String> kinds = new ArrayList<>(List.of(FACETS));
        if (chapter.certifications().isEmpty()) {
            kinds.remove("certification");
        }
        String origin = null;
        String chapterCode = null;
        String certification = null;
        Band price = null;
        Band moq = null;
        for (int i = 0; i < wanted && !kinds.isEmpty(); i++) {
            switch (kinds.remove(random.nextInt(kinds.size()))) {
                case "origin" -> origin = origin(random, chapter, article).value();
                case "chapter" -> chapterCode = chapter.code();
                case "certification" -> certification = ListingGenerator.pick(random, chapter.certifications()).name();
                case "price" -> price = band(PRICE_BANDS, euroCents(random, article));
                default -> moq = band(MOQ_BANDS, article.minimumOrder().min()
                        + random.nextLong(article.minimumOrder().max() - article.minimumOrder().min() + 1));
            }
        }
        return new Facets(origin, chapterCode, certification, price, moq);
    }

    private static CountryCode origin(SplittableRandom random, Chapter chapter, Article article) {
        if (!article.origins().isEmpty()) {
            return ListingGenerator.pick(random, article.origins());
        }
        Map<CountryCode, Integer> origins = new LinkedHashMap<>(chapter.origins());
        return ListingGenerator.weighted(random, origins);
    }

    /** A price the article sells at, in euro cents at the vocabulary's rough rate. */
    private long euroCents(SplittableRandom random, Article article) {
        Vocabulary.Range usd = article.priceUsdCents();
        long cents = usd.min() + random.nextLong(usd.max() - usd.min() + 1);
        return cents * vocabulary.perThousandUsdCents().getOrDefault(EURO, 920) / 1000;
    }

    private static Band band(long[] starts, long value) {
        for (int i = starts.length - 1; i >= 0; i--) {
            if (value >= starts[i]) {
                return new Band(starts[i], i + 1 < starts.length ? starts[i + 1] - 1 : null);
            }
        }
        return new Band(starts[0], starts.length > 1 ? starts[1] - 1 : null);
    }

    /** Writes queries 0 to {@code count - 1} to {@code file}, one JSON object per line. */
    public void write(Path file, int count) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (long index = 0; index < count; index++) {
                    out.write(json.writeValueAsString(query(index)));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the benchmark queries to " + file, e);
        }
    }
}
