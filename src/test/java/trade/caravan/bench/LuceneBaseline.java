package trade.caravan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import trade.caravan.catalog.generate.BenchmarkQueries;

/**
 * The search benchmark's baseline: the queries of the HTTP run answered by Lucene alone, in this
 * process, on the index the platform wrote, doing the work one API answer needs. The words are
 * parsed by Lucene's {@link SimpleQueryParser} with the same per-field analyzers and weights as the
 * platform's simple query string; the filters are the same terms and ranges; every facet the
 * platform counts is counted here over the same matches (a selected dimension is counted again
 * without its own filter, as facets must be); the first page of 20 is sorted by score then key,
 * its stored fields read and its titles and descriptions highlighted by the same plain highlighter.
 * What this does not do is the platform's cost per request: HTTP, Spring, JSON, labels and
 * currency conversion, and Hibernate Search's own layer.
 *
 * <p>Usage: {@code LuceneBaseline INDEX_DIR QUERIES_JSONL THREADS WARMUP_S SECONDS}, or
 * {@code LuceneBaseline INDEX_DIR QUERIES_JSONL totals COUNT} to print the total of each of the
 * first COUNT queries, one per line, which the benchmark script compares with the API's totals:
 * the proof that both sides answer the same question.
 */
public final class LuceneBaseline {

    static final int PAGE = 20;
    private static final Map<String, Float> WEIGHTS = weights();
    private static final List<Long> EURO_EDGES = List.of(100L, 500L, 1_000L, 5_000L, 10_000L, 50_000L);
    private static final List<Long> MOQ_EDGES = List.of(1L, 100L, 500L, 1_000L, 5_000L, 10_000L);
    private static final String[] HIGHLIGHTED = {"title_en", "title_zh", "description_en", "description_zh",
        "description_other"};
    private static final int SNIPPET_LENGTH = 180;
    private static final String TENANT_FIELD = "__HSEARCH_tenantId";
    private static final String TYPE_FIELD = "__HSEARCH_type";

    /** What one query found: how many, its page of keys and the facet counts by dimension. */
    record Answer(long total, List<String> keys, Map<String, Map<String, Long>> facets) {
    }

    /** A query of the mix, parsed. */
    record Search(String text, List<String> origins, List<String> chapters, List<String> certifications,
            List<long[]> priceBands, List<long[]> moqBands) {

        static Search of(BenchmarkQueries.Query query) {
            Map<String, List<String>> parameters = SearchMix.parameters(query);
            return new Search(parameters.get("q").getFirst(), parameters.getOrDefault("origin", List.of()),
                    parameters.getOrDefault("hsChapter", List.of()),
                    parameters.getOrDefault("certification", List.of()),
                    parameters.getOrDefault("priceBand", List.of()).stream().map(LuceneBaseline::band).toList(),
                    parameters.getOrDefault("moqBand", List.of()).stream().map(LuceneBaseline::band).toList());
        }
    }

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final List<Query> always = new ArrayList<>();

    LuceneBaseline(DirectoryReader reader) throws IOException {
        this.searcher = new IndexSearcher(reader);
        Analyzer english = new EnglishAnalyzer();
        Analyzer chinese = new SmartChineseAnalyzer();
        Analyzer standard = new StandardAnalyzer();
        this.analyzer = new PerFieldAnalyzerWrapper(standard, Map.of("title_en", english, "description_en", english,
                "title_zh", chinese, "description_zh", chinese, "title_zh_bigrams", new CJKAnalyzer()));
        FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
        // the filters Hibernate Search adds to every query of this index, as it wrote it
        if (fields.fieldInfo(TENANT_FIELD) != null) {
            List<String> tenants = terms(reader, TENANT_FIELD);
            if (tenants.size() != 1) {
                throw new IllegalStateException("Expected one tenant in the index, found " + tenants);
            }
            always.add(new TermQuery(new Term(TENANT_FIELD, tenants.getFirst())));
        }
        if (fields.fieldInfo(TYPE_FIELD) != null && terms(reader, TYPE_FIELD).size() > 1) {
            always.add(new TermQuery(new Term(TYPE_FIELD, "main")));
        }
        for (String field : List.of("hsSection", "hsChapter", "originCountry", "certifications.kind")) {
            require(fields, field, FieldInfo::getDocValuesType, "SORTED_SET");
        }
        for (String field : List.of("lowestPriceEurCents", "minimumOrderQuantity", "key")) {
            if (fields.fieldInfo(field) == null) {
                throw new IllegalStateException("The index has no field " + field + ": is it the listing index?");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && !(args.length == 4 && "totals".equals(args[2]))) {
            System.err.println("usage: LuceneBaseline INDEX_DIR QUERIES_JSONL THREADS WARMUP_S SECONDS\n"
                    + "       LuceneBaseline INDEX_DIR QUERIES_JSONL totals COUNT");
            System.exit(2);
        }
        List<Search> searches = SearchMix.read(Path.of(args[1])).stream().map(Search::of).toList();
        try (var directory = FSDirectory.open(Path.of(args[0])); var reader = DirectoryReader.open(directory)) {
            var baseline = new LuceneBaseline(reader);
            if ("totals".equals(args[2])) {
                searches.stream().limit(Long.parseLong(args[3]))
                        .forEach(search -> System.out.println(baseline.answer(search).total()));
                return;
            }
            int threads = Integer.parseInt(args[2]);
            System.out.println("index: " + reader.numDocs() + " documents, " + reader.leaves().size()
                    + " segments; filters on every query: " + baseline.always);
            ClosedLoop.Result result = ClosedLoop.run("lucene", threads, searches.size(),
                    Double.parseDouble(args[3]), Double.parseDouble(args[4]), item -> baseline.answer(searches.get(item)));
            System.out.println(result.line());
        }
    }

    /** Answers one query as the platform's first page does. */
    Answer answer(Search search) {
        try {
            Query words = words(search.text());
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            var top = new TopFieldCollectorManager(new Sort(SortField.FIELD_SCORE,
                    new SortedSetSortField("key", false)), PAGE + 1, null, Integer.MAX_VALUE, false);
            var both = new MultiCollectorManager(top, new FacetsCollectorManager());
            Object[] results = searcher.search(query(words, search, null), both);
            TopFieldDocs docs = (TopFieldDocs) results[0];
            FacetsCollector matches = (FacetsCollector) results[1];
            for (String dimension : List.of("section", "chapter", "origin", "certification", "price", "moq")) {
                FacetsCollector counted = matches;
                if (selects(search, dimension)) {
                    counted = searcher.search(query(words, search, dimension), new FacetsCollectorManager());
                }
                facets.put(dimension, count(dimension, counted, search));
            }
            List<String> keys = page(docs, words);
            return new Answer(docs.totalHits.value, keys, facets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query words(String text) {
        if (text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        var parser = new SimpleQueryParser(analyzer, WEIGHTS, SimpleQueryParser.AND_OPERATOR
                | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
                | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
                | SimpleQueryParser.WHITESPACE_OPERATOR);
        parser.setDefaultOperator(Occur.MUST);
        return parser.parse(text);
    }

    /** The words, every filter except {@code without}'s, and the index's own filters. */
    private Query query(Query words, Search search, String without) {
        var query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (!"origin".equals(without)) {
            anyTerm(query, "originCountry", search.origins());
        }
        if (!"chapter".equals(without)) {
            anyTerm(query, "hsChapter", search.chapters());
        }
        if (!"certification".equals(without)) {
            anyTerm(query, "certifications.kind", search.certifications());
        }
        if (!"price".equals(without)) {
            anyRange(query, "lowestPriceEurCents", search.priceBands());
        }
        if (!"moq".equals(without)) {
            anyRange(query, "minimumOrderQuantity", search.moqBands());
        }
        always.forEach(filter -> query.add(filter, Occur.FILTER));
        return query.build();
    }

    private static void anyTerm(BooleanQuery.Builder query, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        var any = new BooleanQuery.Builder();
        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
        query.add(any.build(), Occur.FILTER);
    }

    private static void anyRange(BooleanQuery.Builder query, String field, List<long[]> bands) {
        if (bands.isEmpty()) {
            return;
        }
        var any = new BooleanQuery.Builder();
        bands.forEach(band -> any.add(LongPoint.newRangeQuery(field, band[0], band[1] - 1), Occur.SHOULD));
        query.add(any.build(), Occur.FILTER);
    }

    private static boolean selects(Search search, String dimension) {
        return switch (dimension) {
            case "origin" -> !search.origins().isEmpty();
            case "chapter" -> !search.chapters().isEmpty();
            case "certification" -> !search.certifications().isEmpty();
            case "price" -> !search.priceBands().isEmpty();
            case "moq" -> !search.moqBands().isEmpty();
            default -> false;
        };
    }

    private Map<String, Long> count(String dimension, FacetsCollector matches, Search search) throws IOException {
        return switch (dimension) {
            case "section" -> terms(matches, "hsSection", 21);
            case "chapter" -> terms(matches, "hsChapter", 100);
            case "origin" -> terms(matches, "originCountry", 300);
            case "certification" -> terms(matches, "certifications.kind", 17);
            case "price" -> ranges(matches, "lowestPriceEurCents", bands(EURO_EDGES, search.priceBands()));
            case "moq" -> ranges(matches, "minimumOrderQuantity", bands(MOQ_EDGES, search.moqBands()));
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /** Documents per value of a keyword field, the {@code max} most frequent. */
    private static Map<String, Long> terms(FacetsCollector matches, String field, int max) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (FacetsCollector.MatchingDocs segment : matches.getMatchingDocs()) {
            if (segment.totalHits == 0) {
                continue;
            }
            SortedSetDocValues values = DocValues.getSortedSet(segment.context.reader(), field);
            int[] perOrdinal = new int[(int) Math.min(Integer.MAX_VALUE - 8, values.getValueCount())];
            DocIdSetIterator docs = segment.bits.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        perOrdinal[(int) values.nextOrd()]++;
                    }
                }
            }
            for (int ordinal = 0; ordinal < perOrdinal.length; ordinal++) {
                if (perOrdinal[ordinal] > 0) {
                    counts.merge(values.lookupOrd(ordinal).utf8ToString(), (long) perOrdinal[ordinal], Long::sum);
                }
            }
        }
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(max).forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    /** Documents per band ({@code [from, to)}, {@code to} absent for "and more") of a long field. */
    private static Map<String, Long> ranges(FacetsCollector matches, String field, List<long[]> bands)
            throws IOException {
        long[] counts = new long[bands.size()];
        for (FacetsCollector.MatchingDocs segment : matches.getMatchingDocs()) {
            if (segment.totalHits == 0) {
                continue;
            }
            SortedNumericDocValues values = DocValues.getSortedNumeric(segment.context.reader(), field);
            DocIdSetIterator docs = segment.bits.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (values.advanceExact(doc)) {
                    long value = values.nextValue();
                    for (int band = 0; band < counts.length; band++) {
                        if (value >= bands.get(band)[0] && value < bands.get(band)[1]) {
                            counts[band]++;
                        }
                    }
                }
            }
        }
        Map<String, Long> result = new LinkedHashMap<>();
        for (int band = 0; band < counts.length; band++) {
            long[] range = bands.get(band);
            result.put(range[0] + "-" + (range[1] == Long.MAX_VALUE ? "" : Long.toString(range[1])), counts[band]);
        }
        return result;
    }

    /** The bands offered (from zero, between the edges, and "and more") plus any selected that is not one of them. */
    private static List<long[]> bands(List<Long> edges, List<long[]> selected) {
        List<long[]> bands = new ArrayList<>();
        long from = edges.getFirst() == 1L ? 1L : 0L;
        for (long edge : edges) {
            if (edge > from) {
                bands.add(new long[] {from, edge});
                from = edge;
            }
        }
        bands.add(new long[] {from, Long.MAX_VALUE});
        for (long[] band : selected) {
            if (bands.stream().noneMatch(offered -> offered[0] == band[0] && offered[1] == band[1])) {
                bands.add(band);
            }
        }
        return bands;
    }

    /** The first page: stored fields read, titles and descriptions highlighted. */
    private List<String> page(TopFieldDocs docs, Query words) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<String> keys = new ArrayList<>();
        ScoreDoc[] hits = docs.scoreDocs;
        for (int i = 0; i < Math.min(PAGE, hits.length); i++) {
            Document document = stored.document(hits[i].doc);
            keys.add(document.get("key"));
            for (String field : HIGHLIGHTED) {
                for (String text : document.getValues(field)) {
                    highlight(words, field, text);
                }
            }
        }
        return keys;
    }

    private String highlight(Query words, String field, String text) throws IOException {
        QueryScorer scorer = new QueryScorer(words, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
                scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, field.startsWith("title") ? 1_000
                : SNIPPET_LENGTH));
        try {
            String fragment = highlighter.getBestFragment(analyzer, field, text);
            if (fragment != null) {
                return fragment;
            }
        } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException(e);
        }
        return field.startsWith("title") ? "" : text.substring(0, Math.min(SNIPPET_LENGTH, text.length()));
    }

    private static Map<String, Float> weights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (String language : List.of("en", "zh", "other")) {
            weights.put("title_" + language, 4f);
            weights.put("description_" + language, 2f);
        }
        weights.put("title_zh_bigrams", 2f);
        weights.put("specifications.name", 1f);
        weights.put("specifications.value", 1f);
        weights.put("supplierName", 1f);
        return Map.copyOf(weights);
    }

    static long[] band(String text) {
        String[] ends = text.split("-", -1);
        return new long[] {Long.parseLong(ends[0]), ends[1].isEmpty() ? Long.MAX_VALUE : Long.parseLong(ends[1])};
    }

    private static List<String> terms(DirectoryReader reader, String field) throws IOException {
        List<String> values = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null && values.size() < 10; term = each.next()) {
                values.add(term.utf8ToString());
            }
        }
        return values;
    }

    private static <T> void require(FieldInfos fields, String field, java.util.function.Function<FieldInfo, T> property,
            String expected) {
        FieldInfo info = fields.fieldInfo(field);
        if (info == null || !String.valueOf(property.apply(info)).equals(expected)) {
            throw new IllegalStateException("Field " + field + " is not " + expected + " in this index: " + info);
        }
    }
}
