package trade.caravan.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import trade.caravan.catalog.generate.BenchmarkQueries;

/**
 * The search benchmark's query mix ({@code --caravan.generate.queries}, one JSON query per line) as
 * the search API's parameters: the words, and the facet selections as filters. Prices are asked in
 * euros so the bands in the file (euro cents, both ends included) are the API's bands ({@code from-to},
 * the upper end excluded). The HTTP run and the raw Lucene baseline both take their queries from here.
 *
 * <p>Usage: {@code SearchMix QUERIES_JSONL PATHS_OUT} writes one API path per line for wrk.
 */
public final class SearchMix {

    static final String PATH = "/api/v1/search";

    private SearchMix() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SearchMix QUERIES_JSONL PATHS_OUT");
            System.exit(2);
        }
        List<String> paths = read(Path.of(args[0])).stream().map(SearchMix::path).toList();
        Files.write(Path.of(args[1]), paths, StandardCharsets.UTF_8);
        System.out.println("wrote " + paths.size() + " search paths to " + args[1]);
    }

    static List<BenchmarkQueries.Query> read(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<BenchmarkQueries.Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                queries.add(json.readValue(line, BenchmarkQueries.Query.class));
            }
        }
        return queries;
    }

    /** The API's parameters for a query, in a fixed order. */
    static Map<String, List<String>> parameters(BenchmarkQueries.Query query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("q", List.of(query.q()));
        var facets = query.facets();
        if (facets.origin() != null) {
            parameters.put("origin", List.of(facets.origin()));
        }
        if (facets.chapter() != null) {
            parameters.put("hsChapter", List.of(facets.chapter()));
        }
        if (facets.certification() != null) {
            parameters.put("certification", List.of(facets.certification()));
        }
        if (facets.priceEurCents() != null) {
            parameters.put("priceBand", List.of(band(facets.priceEurCents())));
        }
        if (facets.moq() != null) {
            parameters.put("moqBand", List.of(band(facets.moq())));
        }
        parameters.put("currency", List.of("EUR"));
        return parameters;
    }

    static String path(BenchmarkQueries.Query query) {
        return PATH + "?" + parameters(query).entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> entry.getKey() + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    /** An inclusive band of the file as the API's half-open one. */
    static String band(BenchmarkQueries.Band band) {
        return band.min() + "-" + (band.max() == null ? "" : Long.toString(band.max() + 1));
    }
}
