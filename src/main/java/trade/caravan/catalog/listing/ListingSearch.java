package trade.caravan.catalog.listing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.search.IndexSearcher;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.data.Range;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.listing.ListingFields.Language;
import trade.caravan.catalog.listing.SearchResults.Facet;
import trade.caravan.catalog.listing.SearchResults.Facets;
import trade.caravan.catalog.listing.SearchResults.Hit;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.shared.OrganizationId;

/**
 * Full-text search over the published listings: relevance-ranked matching of titles (weighted
 * most), descriptions, specifications and supplier names in each language's analysis, filters and
 * facet counts (HS section and chapter, origin, certification, price band in the buyer's currency,
 * MOQ band), five orders, highlighted snippets and cursor paging. Results are projected from the
 * index: no listing is loaded from the database.
 *
 * <p>Typo tolerance: when the words match fewer listings than a page holds, the search is
 * broadened to near spellings (one edit) of Latin-script words, still ranking exact matches
 * first. Chinese words are never matched fuzzily: one edit turns a two-character word into another.
 *
 * <p>Paging: every order ends with the listing id, so it is total. A cursor holds the sort key and
 * id of the last listing shown and, as a hint, its position; the next page is what comes strictly
 * after that key, so no listing is shown twice, and none is skipped while the index is unchanged.
 */
@Service
public class ListingSearch {

    public static final int MAX_QUERY_LENGTH = 100;
    public static final int MAX_WORDS = 10;
    public static final int MAX_VALUES_PER_FILTER = 30;
    /** How deep paging goes (as Elasticsearch's result window): a deeper page costs more than it is worth. */
    public static final int MAX_DEPTH = 10_000;

    private static final CurrencyCode EURO = new CurrencyCode("EUR");
    private static final int MAX_NEAR_WORDS = 3;
    private static final int SLACK = 20;
    private static final int MAX_WINDOW_ATTEMPTS = 6;
    private static final int SNIPPET_LENGTH = 180;
    private static final float TITLE_BOOST = 4f;
    private static final float DESCRIPTION_BOOST = 2f;
    /** Part of a Chinese title's word: a match, but less than the word itself. */
    private static final float TITLE_BIGRAMS_BOOST = 2f;
    private static final float NEAR_BOOST = 0.5f;
    private static final String TITLE_HIGHLIGHTER = "title";
    private static final Set<SimpleQueryFlag> FLAGS = EnumSet.of(SimpleQueryFlag.AND, SimpleQueryFlag.OR,
            SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.PRECEDENCE, SimpleQueryFlag.ESCAPE,
            SimpleQueryFlag.WHITESPACE);
    private static final Set<String> SECTIONS = Set.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI");
    private static final Pattern CHAPTER = Pattern.compile("(0[1-9]|[1-9][0-9])");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern NEAR_WORD = Pattern.compile("(?=.*\\p{IsLatin})[\\p{IsLatin}\\p{Nd}]{4,}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final List<Band> MOQ_BANDS = List.of(new Band(1, 100L), new Band(100, 500L), new Band(500, 1_000L),
            new Band(1_000, 5_000L), new Band(5_000, 10_000L), new Band(10_000, null));

    private static final AggregationKey<Map<String, Long>> SECTION_COUNTS = AggregationKey.of("hsSection");
    private static final AggregationKey<Map<String, Long>> CHAPTER_COUNTS = AggregationKey.of("hsChapter");
    private static final AggregationKey<Map<String, Long>> ORIGIN_COUNTS = AggregationKey.of("origin");
    private static final AggregationKey<Map<CertificationKind, Long>> CERTIFICATION_COUNTS =
            AggregationKey.of("certification");
    private static final AggregationKey<Map<Range<Long>, Long>> PRICE_COUNTS = AggregationKey.of("priceBand");
    private static final AggregationKey<Map<Range<Long>, Long>> MOQ_COUNTS = AggregationKey.of("moqBand");

    /** The filters, each also a facet. */
    enum Dimension {
        SECTION, CHAPTER, ORIGIN, CERTIFICATION, PRICE, MOQ
    }

    /** A checked search; price bands are in {@code bandCurrency} and, for the index, in euro cents. */
    record Criteria(String text, List<String> sections, List<String> chapters, List<String> origins,
            List<CertificationKind> certifications, List<Band> priceBands, List<Band> moqBands, SearchSort sort,
            CurrencyCode bandCurrency, List<Band> bandsOffered, Map<Band, Band> euroBands) {

        boolean selects(Dimension dimension) {
            return switch (dimension) {
                case SECTION -> !sections.isEmpty();
                case CHAPTER -> !chapters.isEmpty();
                case ORIGIN -> !origins.isEmpty();
                case CERTIFICATION -> !certifications.isEmpty();
                case PRICE -> !priceBands.isEmpty();
                case MOQ -> !moqBands.isEmpty();
            };
        }

        /** Identifies what was searched, so a cursor cannot be replayed against another search. */
        String fingerprint() {
            String all = String.join("\u001F", text, String.join(",", sections), String.join(",", chapters),
                    String.join(",", origins), certifications.toString(),
                    String.join(",", priceBands.stream().map(Band::id).toList()),
                    String.join(",", moqBands.stream().map(Band::id).toList()), sort.name(), bandCurrency.value());
            return Integer.toHexString(all.hashCode());
        }
    }

    /** What a cursor says: which search, whether broadened, the position hint, the last sort key and id. */
    record Position(String fingerprint, boolean broadened, int offset, String sortValue, String key) {

        static @Nullable Position decode(@Nullable String cursor) {
            Cursor decoded = Cursor.decode(cursor, 5);
            if (decoded == null) {
                return null;
            }
            long offset = decoded.longAt(2);
            if (offset < 0 || offset > MAX_DEPTH || !Set.of("b", "e").contains(decoded.value(1))) {
                throw new DomainException(DomainException.Kind.INVALID, "error.cursor.invalid");
            }
            return new Position(decoded.value(0), "b".equals(decoded.value(1)), (int) offset, decoded.value(3),
                    decoded.value(4));
        }

        String encode() {
            return Cursor.of(fingerprint, broadened ? "b" : "e", Integer.toString(offset), sortValue, key).encode();
        }
    }

    /** A result as projected from the index. */
    record Row(UUID key, float score, List<String> titlesEn, List<String> titlesZh, @Nullable String defaultTitle,
            String defaultLocale, List<String> titleMarksEn, List<String> titleMarksZh, List<String> snippetsEn,
            List<String> snippetsZh, List<String> snippetsOther, UUID supplierId, String supplierName,
            String supplierCountry, long priceMinor, String currency, @Nullable Long priceEuroCents, long moq,
            String unit, String origin, List<UUID> images, List<CertificationKind> certifications, String hsCode,
            Instant publishedAt) {

        @SuppressWarnings("unchecked")
        static Row of(List<?> values) {
            return new Row((UUID) values.get(0), (Float) values.get(1), (List<String>) values.get(2),
                    (List<String>) values.get(3), (String) values.get(4), (String) values.get(5),
                    (List<String>) values.get(6), (List<String>) values.get(7), (List<String>) values.get(8),
                    (List<String>) values.get(9), (List<String>) values.get(10), (UUID) values.get(11),
                    (String) values.get(12), (String) values.get(13), (Long) values.get(14), (String) values.get(15),
                    (Long) values.get(16), (Long) values.get(17), (String) values.get(18), (String) values.get(19),
                    (List<UUID>) values.get(20), (List<CertificationKind>) values.get(21), (String) values.get(22),
                    (Instant) values.get(23));
        }
    }

    private record Window(List<Row> rows, long total, @Nullable String nextCursor, SearchResult<Row> result) {
    }

    private final SessionFactory sessions;
    private final SearchReference reference;
    private final MessageSource messages;

    ListingSearch(EntityManagerFactory entityManagerFactory, SearchReference reference, MessageSource messages) {
        this.sessions = entityManagerFactory.unwrap(SessionFactory.class);
        this.reference = reference;
        this.messages = messages;
    }

    /**
     * Searches the listings.
     *
     * @param buyerCurrency the buyer's currency when the request names none: price bands are chosen
     *                      and shown in it, prices converted to it
     * @param locale        the reader's language: titles, snippets and labels in it where the listing has it
     * @throws InvalidInput naming every bad parameter
     */
    public SearchResults search(SearchRequest request, CurrencyCode buyerCurrency, Locale locale) {
        var problems = new InvalidInput.Collector();
        CurrencyCode currency = currency(request.currency(), buyerCurrency, problems);
        Criteria criteria = check(request, currency, problems);
        Integer limit = problems.check("limit", () -> CursorPage.limit(request.limit()));
        Position after = problems.check("cursor", () -> Position.decode(request.cursor()));
        if (after != null && criteria != null && !after.fingerprint().equals(criteria.fingerprint())) {
            problems.add("cursor", "error.cursor.invalid");
        }
        problems.throwIfAny();
        if (criteria == null || limit == null) {
            throw new IllegalStateException("checked above");
        }
        try (Session session = sessions.withOptions().tenantIdentifier((Object) SearchConfiguration.INDEX_TENANT)
                .openSession()) {
            var search = Search.session(session);
            boolean broadened = after != null && after.broadened();
            Window window = fetch(search, criteria, broadened, after, limit);
            if (after == null && nearSpellings(criteria.text()) != null && window.total() < limit) {
                Window broader = fetch(search, criteria, true, null, limit);
                if (broader.total() > window.total()) {
                    broadened = true;
                    window = broader;
                }
            }
            Facets facets = facets(search, criteria, broadened, window.result(), locale);
            List<Hit> hits = window.rows().stream().map(row -> hit(row, currency, locale)).toList();
            return new SearchResults(criteria.text(), criteria.sort(), hits, window.total(), window.nextCursor(),
                    broadened, currency, criteria.bandCurrency(), facets);
        } catch (SearchException failure) {
            if (tooComplex(failure)) {
                throw new DomainException(DomainException.Kind.INVALID, "error.search.query-too-complex");
            }
            throw failure;
        }
    }

    /** How many listings the index holds (the operator page compares it with the database). */
    public long indexedCount() {
        try (Session session = sessions.withOptions().tenantIdentifier((Object) SearchConfiguration.INDEX_TENANT)
                .openSession()) {
            return Search.session(session).search(Listing.class).where(f -> f.matchAll()).fetchTotalHitCount();
        }
    }

    private CurrencyCode currency(@Nullable String requested, CurrencyCode buyerCurrency,
            InvalidInput.Collector problems) {
        if (requested == null || requested.isBlank()) {
            return buyerCurrency;
        }
        String code = requested.strip().toUpperCase(Locale.ROOT);
        if (code.matches("[A-Z]{3}") && reference.isCurrentCurrency(new CurrencyCode(code))) {
            return new CurrencyCode(code);
        }
        problems.add("currency", "error.search.currency-invalid");
        return buyerCurrency;
    }

    private @Nullable Criteria check(SearchRequest request, CurrencyCode currency, InvalidInput.Collector problems) {
        String text = request.q() == null ? "" : WHITESPACE.matcher(request.q().replaceAll("\\p{Cntrl}", " ")).replaceAll(" ").strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            problems.add("q", "error.search.query-too-long", MAX_QUERY_LENGTH);
        } else if (!text.isEmpty() && text.split(" ").length > MAX_WORDS) {
            problems.add("q", "error.search.too-many-words", MAX_WORDS);
        }
        List<String> sections = values("hsSection", request.hsSections(), value -> {
            String section = value.toUpperCase(Locale.ROOT);
            return SECTIONS.contains(section) ? section : null;
        }, problems);
        List<String> chapters = values("hsChapter", request.hsChapters(),
                value -> CHAPTER.matcher(value).matches() ? value : null, problems);
        List<String> origins = values("origin", request.origins(),
                value -> COUNTRY.matcher(value).matches() ? value.toUpperCase(Locale.ROOT) : null, problems);
        List<CertificationKind> certifications = values("certification", request.certifications(), value -> {
            try {
                return CertificationKind.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }, problems);
        List<Band> priceBands = values("priceBand", request.priceBands(), value -> band(value), problems);
        List<Band> moqBands = values("moqBand", request.moqBands(), value -> band(value), problems);
        SearchSort sort = request.sort() == null || request.sort().isBlank()
                ? (text.isEmpty() ? SearchSort.NEWEST : SearchSort.RELEVANCE)
                : SearchSort.fromParameter(request.sort().strip()).orElse(null);
        if (sort == null) {
            problems.add("sort", "error.search.sort-invalid");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        CurrencyCode bandCurrency = reference.rate(currency, EURO).isPresent() ? currency : EURO;
        BigDecimal toEuro = reference.rate(bandCurrency, EURO).orElseThrow();
        BigDecimal fromEuro = reference.rate(EURO, bandCurrency).orElseThrow();
        int digits = reference.minorDigits(bandCurrency);
        List<Band> offered = new ArrayList<>(PriceBands.inCurrency(digits, fromEuro));
        priceBands.stream().filter(band -> !offered.contains(band)).forEach(offered::add);
        Map<Band, Band> euroBands = new LinkedHashMap<>();
        offered.forEach(band -> euroBands.put(band, PriceBands.inEuroCents(band, digits, toEuro)));
        return new Criteria(text, sections, chapters, origins, certifications, priceBands, moqBands, sort,
                bandCurrency, List.copyOf(offered), euroBands);
    }

    private static @Nullable Band band(String value) {
        try {
            return Band.parse(value, "band");
        } catch (DomainException malformed) {
            return null;
        }
    }

    private static <T> List<T> values(String field, List<String> raw, Function<String, @Nullable T> parse,
            InvalidInput.Collector problems) {
        if (raw.size() > MAX_VALUES_PER_FILTER) {
            problems.add(field, "error.search.too-many-values", MAX_VALUES_PER_FILTER);
            return List.of();
        }
        List<T> parsed = new ArrayList<>();
        for (String value : raw) {
            T result = value.length() > 40 ? null : parse.apply(value);
            if (result == null) {
                problems.add(field, "error.search.value-invalid", field);
                return List.of();
            }
            if (!parsed.contains(result)) {
                parsed.add(result);
            }
        }
        return List.copyOf(parsed);
    }

    // --- the query ---------------------------------------------------------------------------------------------

    private Window fetch(SearchSession search, Criteria criteria,
            boolean broadened, @Nullable Position after, int limit) {
        int start = after == null ? 0 : Math.max(0, after.offset() - SLACK);
        int size = (after == null ? 0 : after.offset() - start) + limit + 1 + (after == null ? 0 : SLACK);
        for (int attempt = 0; ; attempt++) {
            SearchResult<Row> result = query(search, criteria, broadened, null).fetch(start, size);
            List<Row> rows = result.hits();
            List<Row> page = rows;
            if (after != null) {
                boolean startsAfterCursor = !rows.isEmpty() && isAfter(rows.getFirst(), after, criteria.sort());
                if (start > 0 && (rows.isEmpty() || startsAfterCursor) && attempt < MAX_WINDOW_ATTEMPTS) {
                    int back = Math.max(size, SLACK);
                    size += start - Math.max(0, start - back);
                    start = Math.max(0, start - back);
                    continue;
                }
                page = rows.stream().filter(row -> isAfter(row, after, criteria.sort())).toList();
                if (page.size() <= limit && rows.size() == size && attempt < MAX_WINDOW_ATTEMPTS
                        && start + size < MAX_DEPTH + limit + SLACK) {
                    size *= 2;
                    continue;
                }
            }
            String next = null;
            if (page.size() > limit) {
                Row last = page.get(limit - 1);
                int offset = start + rows.indexOf(last) + 1;
                if (offset < MAX_DEPTH) {
                    next = new Position(criteria.fingerprint(), broadened, offset, sortValue(last, criteria.sort()),
                            last.key().toString()).encode();
                }
                page = page.subList(0, limit);
            }
            return new Window(List.copyOf(page), result.total().hitCount(), next, result);
        }
    }

    /** The main query: results, and the facets of every dimension without a selection. */
    private SearchQueryOptionsStep<?, ?, Row, ?, ?, ?> query(SearchSession search,
            Criteria criteria, boolean broadened, @Nullable Dimension only) {
        SearchQueryOptionsStep<?, ?, Row, ?, ?, ?> query = search.search(Listing.class)
                .select(f -> rows(f))
                .where(f -> predicate(f, criteria, broadened, only))
                .sort(f -> sort(f, criteria.sort()))
                .highlighter(h -> h.plain().tag(Snippets.OPEN, Snippets.CLOSE).numberOfFragments(1)
                        .fragmentSize(SNIPPET_LENGTH).noMatchSize(SNIPPET_LENGTH).orderByScore(true))
                .highlighter(TITLE_HIGHLIGHTER, h -> h.plain().tag(Snippets.OPEN, Snippets.CLOSE)
                        .numberOfFragments(1).fragmentSize(1_000).noMatchSize(0));
        for (Dimension dimension : Dimension.values()) {
            if (only == null ? !criteria.selects(dimension) : dimension == only) {
                query = aggregate(query, dimension, criteria);
            }
        }
        return query;
    }

    private static SearchQueryOptionsStep<?, ?, Row, ?, ?, ?> aggregate(SearchQueryOptionsStep<?, ?, Row, ?, ?, ?> query,
            Dimension dimension, Criteria criteria) {
        return switch (dimension) {
            case SECTION -> query.aggregation(SECTION_COUNTS,
                    f -> f.terms().field(ListingFields.HS_SECTION, String.class).maxTermCount(SECTIONS.size()));
            case CHAPTER -> query.aggregation(CHAPTER_COUNTS,
                    f -> f.terms().field(ListingFields.HS_CHAPTER, String.class).maxTermCount(100));
            case ORIGIN -> query.aggregation(ORIGIN_COUNTS,
                    f -> f.terms().field(ListingFields.ORIGIN, String.class).maxTermCount(300));
            case CERTIFICATION -> query.aggregation(CERTIFICATION_COUNTS,
                    f -> f.terms().field(ListingFields.CERTIFICATIONS, CertificationKind.class)
                            .maxTermCount(CertificationKind.values().length));
            case PRICE -> query.aggregation(PRICE_COUNTS, f -> f.range().field(ListingFields.PRICE_EUR, Long.class)
                    .ranges(criteria.euroBands().values().stream().map(ListingSearch::range).toList()));
            case MOQ -> query.aggregation(MOQ_COUNTS, f -> f.range().field(ListingFields.MOQ, Long.class)
                    .ranges(bands(MOQ_BANDS, criteria.moqBands()).stream().map(ListingSearch::range).toList()));
        };
    }

    private static ProjectionFinalStep<Row> rows(SearchProjectionFactory<?, ?> f) {
        return f.composite().from(
                f.field(ListingFields.KEY, UUID.class),
                f.score(),
                f.field(Language.EN.title(), String.class).list(),
                f.field(Language.ZH.title(), String.class).list(),
                f.field(ListingTextsBinder.TITLE_DEFAULT, String.class),
                f.field(ListingFields.DEFAULT_LOCALE, String.class),
                f.highlight(Language.EN.title()).highlighter(TITLE_HIGHLIGHTER),
                f.highlight(Language.ZH.title()).highlighter(TITLE_HIGHLIGHTER),
                f.highlight(Language.EN.description()),
                f.highlight(Language.ZH.description()),
                f.highlight(Language.OTHER.description()),
                f.field(ListingFields.SUPPLIER_ID, UUID.class),
                f.field(ListingFields.SUPPLIER_NAME, String.class),
                f.field(ListingFields.SUPPLIER_COUNTRY, String.class),
                f.field(ListingFields.PRICE_MINOR, Long.class),
                f.field(ListingFields.CURRENCY, String.class),
                f.field(ListingFields.PRICE_EUR, Long.class),
                f.field(ListingFields.MOQ, Long.class),
                f.field(ListingFields.UNIT, String.class),
                f.field(ListingFields.ORIGIN, String.class),
                f.field(ListingFields.IMAGES, UUID.class).list(),
                f.field(ListingFields.CERTIFICATIONS, CertificationKind.class).list(),
                f.field(ListingFields.HS_CODE, String.class),
                f.field(ListingFields.PUBLISHED_AT, Instant.class))
                .asList(Row::of);
    }

    private static PredicateFinalStep predicate(SearchPredicateFactory f, Criteria criteria, boolean broadened,
            @Nullable Dimension facet) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        bool.must(matching(f, criteria.text(), broadened));
        for (Dimension dimension : Dimension.values()) {
            if (dimension != facet && criteria.selects(dimension)) {
                bool.filter(filter(f, dimension, criteria));
            }
        }
        return bool;
    }

    private static PredicateFinalStep matching(SearchPredicateFactory f, String text, boolean broadened) {
        if (text.isEmpty()) {
            return f.matchAll();
        }
        var exact = f.simpleQueryString()
                .fields(Language.EN.title(), Language.ZH.title(), Language.OTHER.title()).boost(TITLE_BOOST)
                .field(ListingFields.TITLE_ZH_BIGRAMS).boost(TITLE_BIGRAMS_BOOST)
                .fields(Language.EN.description(), Language.ZH.description(), Language.OTHER.description())
                .boost(DESCRIPTION_BOOST)
                .fields(ListingFields.SPECIFICATION_NAMES, ListingFields.SPECIFICATION_VALUES,
                        ListingFields.SUPPLIER_NAME)
                .matching(text).defaultOperator(BooleanOperator.AND).flags(FLAGS);
        String near = nearSpellings(text);
        if (!broadened || near == null) {
            return exact;
        }
        Set<SimpleQueryFlag> fuzzy = EnumSet.copyOf(FLAGS);
        fuzzy.add(SimpleQueryFlag.FUZZY);
        var approximate = f.simpleQueryString()
                .fields(Language.EN.title(), Language.OTHER.title()).boost(TITLE_BOOST)
                .fields(Language.EN.description(), Language.OTHER.description()).boost(DESCRIPTION_BOOST)
                .fields(ListingFields.SPECIFICATION_VALUES)
                .matching(near).defaultOperator(BooleanOperator.AND).flags(fuzzy).boost(NEAR_BOOST);
        return f.or(exact, approximate);
    }

    /**
     * The words with near spellings allowed ({@code kettel~1}) for up to {@value #MAX_NEAR_WORDS}
     * Latin-script words of four or more characters; {@code null} if no word qualifies.
     */
    static @Nullable String nearSpellings(String text) {
        if (text.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        int near = 0;
        for (String word : WHITESPACE.split(text)) {
            if (near < MAX_NEAR_WORDS && NEAR_WORD.matcher(word).matches()) {
                words.add(word + "~1");
                near++;
            } else {
                words.add(word);
            }
        }
        return near == 0 ? null : String.join(" ", words);
    }

    private static PredicateFinalStep filter(SearchPredicateFactory f, Dimension dimension, Criteria criteria) {
        return switch (dimension) {
            case SECTION -> f.terms().field(ListingFields.HS_SECTION).matchingAny(criteria.sections());
            case CHAPTER -> f.terms().field(ListingFields.HS_CHAPTER).matchingAny(criteria.chapters());
            case ORIGIN -> f.terms().field(ListingFields.ORIGIN).matchingAny(criteria.origins());
            case CERTIFICATION -> f.terms().field(ListingFields.CERTIFICATIONS).matchingAny(criteria.certifications());
            case PRICE -> anyRange(f, ListingFields.PRICE_EUR,
                    criteria.priceBands().stream().map(criteria.euroBands()::get).toList());
            case MOQ -> anyRange(f, ListingFields.MOQ, criteria.moqBands());
        };
    }

    private static PredicateFinalStep anyRange(SearchPredicateFactory f, String field, List<Band> bands) {
        var any = f.or();
        bands.forEach(band -> any.add(f.range().field(field).within(range(band))));
        return any;
    }

    private static Range<Long> range(Band band) {
        return band.to() == null ? Range.atLeast(band.from()) : Range.canonical(band.from(), band.to());
    }

    private static List<Band> bands(List<Band> offered, List<Band> selected) {
        List<Band> all = new ArrayList<>(offered);
        selected.stream().filter(band -> !all.contains(band)).forEach(all::add);
        return all;
    }

    private static SortFinalStep sort(SearchSortFactory f, SearchSort sort) {
        return switch (sort) {
            case RELEVANCE -> f.score().then().field(ListingFields.KEY);
            case NEWEST -> f.field(ListingFields.PUBLISHED_AT).desc().then().field(ListingFields.KEY);
            case PRICE_ASC -> f.field(ListingFields.PRICE_EUR).asc().missing().last().then().field(ListingFields.KEY);
            case PRICE_DESC -> f.field(ListingFields.PRICE_EUR).desc().missing().last().then()
                    .field(ListingFields.KEY);
            case MOQ_ASC -> f.field(ListingFields.MOQ).asc().then().field(ListingFields.KEY);
        };
    }

    // --- paging ------------------------------------------------------------------------------------------------

    static String sortValue(Row row, SearchSort sort) {
        return switch (sort) {
            case RELEVANCE -> Float.toString(row.score());
            case NEWEST -> Long.toString(row.publishedAt().toEpochMilli());
            case PRICE_ASC, PRICE_DESC -> row.priceEuroCents() == null ? "" : Long.toString(row.priceEuroCents());
            case MOQ_ASC -> Long.toString(row.moq());
        };
    }

    /** Whether {@code row} comes strictly after the cursor's listing in the order of {@code sort}. */
    static boolean isAfter(Row row, Position cursor, SearchSort sort) {
        int order;
        try {
            order = switch (sort) {
                case RELEVANCE -> Float.compare(Float.parseFloat(cursor.sortValue()), row.score());
                case NEWEST -> Long.compare(Long.parseLong(cursor.sortValue()), row.publishedAt().toEpochMilli());
                case MOQ_ASC -> Long.compare(row.moq(), Long.parseLong(cursor.sortValue()));
                case PRICE_ASC, PRICE_DESC -> {
                    Long mine = row.priceEuroCents();
                    Long theirs = cursor.sortValue().isEmpty() ? null : Long.parseLong(cursor.sortValue());
                    if (mine == null || theirs == null) {
                        // listings without a euro price come last in both directions
                        yield mine == null ? (theirs == null ? 0 : 1) : -1;
                    }
                    yield sort == SearchSort.PRICE_ASC ? Long.compare(mine, theirs) : Long.compare(theirs, mine);
                }
            };
        } catch (NumberFormatException forged) {
            throw new DomainException(DomainException.Kind.INVALID, "error.cursor.invalid");
        }
        return order > 0 || (order == 0 && row.key().toString().compareTo(cursor.key()) > 0);
    }

    // --- facets ------------------------------------------------------------------------------------------------

    private Facets facets(SearchSession search, Criteria criteria,
            boolean broadened, SearchResult<Row> main, Locale locale) {
        Map<Dimension, SearchResult<Row>> results = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            results.put(dimension, criteria.selects(dimension)
                    ? query(search, criteria, broadened, dimension).fetch(0)
                    : main);
        }
        List<Facet> sections = terms(results.get(Dimension.SECTION).aggregation(SECTION_COUNTS), criteria.sections(),
                code -> code + " " + reference.hsShortName(code));
        List<Facet> chapters = terms(results.get(Dimension.CHAPTER).aggregation(CHAPTER_COUNTS), criteria.chapters(),
                code -> code + " " + reference.hsShortName(code));
        List<Facet> origins = terms(results.get(Dimension.ORIGIN).aggregation(ORIGIN_COUNTS), criteria.origins(),
                code -> reference.countryName(code, locale));
        Map<String, Long> certificationCounts = new LinkedHashMap<>();
        results.get(Dimension.CERTIFICATION).aggregation(CERTIFICATION_COUNTS)
                .forEach((kind, count) -> certificationCounts.put(kind.name(), count));
        List<Facet> certifications = terms(certificationCounts,
                criteria.certifications().stream().map(Enum::name).toList(),
                name -> messages.getMessage("certification." + name, null, name, locale));
        Map<Range<Long>, Long> priceCounts = results.get(Dimension.PRICE).aggregation(PRICE_COUNTS);
        List<Facet> prices = new ArrayList<>();
        for (Band band : criteria.bandsOffered()) {
            long count = priceCounts.getOrDefault(range(criteria.euroBands().get(band)), 0L);
            boolean selected = criteria.priceBands().contains(band);
            if (count > 0 || selected) {
                prices.add(new Facet(band.id(), priceLabel(band, criteria.bandCurrency(), locale), count, selected));
            }
        }
        Map<Range<Long>, Long> moqCounts = results.get(Dimension.MOQ).aggregation(MOQ_COUNTS);
        List<Facet> moqs = new ArrayList<>();
        for (Band band : bands(MOQ_BANDS, criteria.moqBands())) {
            long count = moqCounts.getOrDefault(range(band), 0L);
            boolean selected = criteria.moqBands().contains(band);
            if (count > 0 || selected) {
                moqs.add(new Facet(band.id(), quantityLabel(band, locale), count, selected));
            }
        }
        return new Facets(sections, chapters, origins, certifications, prices, moqs);
    }

    private static List<Facet> terms(Map<String, Long> counts, List<String> selected, Function<String, String> label) {
        List<Facet> facets = new ArrayList<>();
        counts.forEach((value, count) -> facets.add(new Facet(value, label.apply(value), count, selected.contains(value))));
        selected.stream().filter(value -> !counts.containsKey(value))
                .forEach(value -> facets.add(new Facet(value, label.apply(value), 0, true)));
        return facets;
    }

    private String priceLabel(Band band, CurrencyCode currency, Locale locale) {
        int digits = reference.minorDigits(currency);
        String from = money(band.from(), currency, digits, locale);
        if (band.to() == null) {
            return messages.getMessage("search.band.at-least", new Object[] {from}, locale);
        }
        String to = money(band.to(), currency, digits, locale);
        return band.from() == 0 ? messages.getMessage("search.band.under", new Object[] {to}, locale)
                : messages.getMessage("search.band.between", new Object[] {from, to}, locale);
    }

    private String quantityLabel(Band band, Locale locale) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        if (band.to() == null) {
            return messages.getMessage("search.band.at-least", new Object[] {numbers.format(band.from())}, locale);
        }
        return messages.getMessage("search.band.between",
                new Object[] {numbers.format(band.from()), numbers.format(band.to() - 1)}, locale);
    }

    // --- hits --------------------------------------------------------------------------------------------------

    private Hit hit(Row row, CurrencyCode buyer, Locale locale) {
        Language reader = "zh".equals(locale.getLanguage()) ? Language.ZH : Language.EN;
        List<String> readerTitles = reader == Language.ZH ? row.titlesZh() : row.titlesEn();
        List<String> readerMarks = reader == Language.ZH ? row.titleMarksZh() : row.titleMarksEn();
        Language fallback = Language.of(row.defaultLocale());
        String title;
        List<String> marks;
        if (!readerTitles.isEmpty()) {
            title = readerTitles.getFirst();
            marks = readerMarks;
        } else {
            title = row.defaultTitle() == null ? "" : row.defaultTitle();
            marks = switch (fallback) {
                case EN -> row.titleMarksEn();
                case ZH -> row.titleMarksZh();
                case OTHER -> List.of();
            };
        }
        String titleHtml = marks.stream().filter(mark -> Snippets.plain(mark).equals(title)).findFirst()
                .map(Snippets::html).orElseGet(() -> Snippets.escape(title));

        Map<Language, List<String>> snippets = Map.of(Language.EN, row.snippetsEn(), Language.ZH, row.snippetsZh(),
                Language.OTHER, row.snippetsOther());
        List<Language> preference = new ArrayList<>(List.of(reader, fallback));
        for (Language language : Language.values()) {
            if (!preference.contains(language)) {
                preference.add(language);
            }
        }
        String snippet = preference.stream().flatMap(language -> snippets.get(language).stream())
                .filter(fragment -> fragment.contains(Snippets.OPEN)).findFirst()
                .or(() -> preference.stream().flatMap(language -> snippets.get(language).stream()).findFirst())
                .orElse("");

        CurrencyCode currency = new CurrencyCode(row.currency());
        Money price = new Money(row.priceMinor(), currency);
        Money indicative = currency.equals(buyer) ? null : reference.convert(price, buyer).orElse(null);
        return new Hit(new ProductId(row.key()), title, titleHtml, Snippets.html(snippet),
                new OrganizationId(row.supplierId()), row.supplierName(), row.supplierCountry(),
                reference.countryName(row.supplierCountry(), locale), price, money(price, locale), indicative,
                indicative == null ? null : money(indicative, locale), row.moq(),
                UnitOfMeasure.fromCode(row.unit()).orElse(UnitOfMeasure.C62), row.origin(),
                reference.countryName(row.origin(), locale), row.images().isEmpty() ? null : row.images().getFirst(),
                row.certifications(), row.hsCode(), row.publishedAt());
    }

    private String money(Money money, Locale locale) {
        return money(money.minor(), money.currency(), reference.minorDigits(money.currency()), locale);
    }

    private static String money(long minor, CurrencyCode currency, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(java.util.Currency.getInstance(currency.value()));
        } catch (IllegalArgumentException notInTheJdk) {
            NumberFormat plain = NumberFormat.getNumberInstance(locale);
            plain.setMinimumFractionDigits(digits);
            plain.setMaximumFractionDigits(digits);
            return plain.format(BigDecimal.valueOf(minor, digits)) + " " + currency.value();
        }
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    private static boolean tooComplex(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IndexSearcher.TooManyClauses) {
                return true;
            }
        }
        return false;
    }
}
