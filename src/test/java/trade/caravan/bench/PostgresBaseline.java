package trade.caravan.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

import trade.caravan.catalog.generate.BenchmarkQueries;

/**
 * The search benchmark's other baseline: the same queries answered by PostgreSQL's own full-text
 * search with ranking, on the same listing rows, doing the work of one first page: matching with a
 * GIN index, ranking with {@code ts_rank} (titles weighted over descriptions over specifications),
 * the total, every facet the platform counts (a selected dimension counted again without its own
 * filter), the top 20 by rank and their highlighted title and description ({@code ts_headline}).
 * English words use PostgreSQL's English stemming; PostgreSQL has no Chinese parser, so Chinese
 * text is indexed and searched as overlapping character pairs (bigrams), the usual workaround.
 *
 * <p>{@code prepare} builds the search table {@code bench.listing_search} (a tsvector per listing
 * with its GIN index) from the catalog's listings and reports how long that took; {@code run}
 * measures. Usage: {@code PostgresBaseline JDBC_URL USER PASSWORD prepare} or
 * {@code PostgresBaseline JDBC_URL USER PASSWORD run QUERIES_JSONL THREADS WARMUP_S SECONDS}
 */
public final class PostgresBaseline {

    private static final String BANDS_EURO = "(0, 100), (100, 500), (500, 1000), (1000, 5000), (5000, 10000), "
            + "(10000, 50000), (50000, null)";
    private static final String BANDS_MOQ = "(1, 100), (100, 500), (500, 1000), (1000, 5000), (5000, 10000), "
            + "(10000, null)";

    private PostgresBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            switch (args[3]) {
                case "prepare" -> prepare(connection);
                case "run" -> {
                    if (args.length != 8) {
                        usage();
                    }
                    run(args, SearchMix.read(Path.of(args[4])), Integer.parseInt(args[5]),
                            Double.parseDouble(args[6]), Double.parseDouble(args[7]));
                }
                default -> usage();
            }
        }
    }

    private static void usage() {
        System.err.println("usage: PostgresBaseline JDBC_URL USER PASSWORD prepare\n"
                + "       PostgresBaseline JDBC_URL USER PASSWORD run QUERIES_JSONL THREADS WARMUP_S SECONDS");
        System.exit(2);
    }

    static void prepare(Connection connection) throws SQLException {
        long started = System.nanoTime();
        try (Statement sql = connection.createStatement()) {
            sql.execute("create schema if not exists bench");
            sql.execute("""
                    create or replace function bench.cjk_bigrams(t text) returns text
                    language sql immutable parallel safe as $$
                        select coalesce(string_agg(substr(w, i, 2), ' '), '')
                        from regexp_split_to_table(coalesce(t, ''), '[^\\u3400-\\u9fff]+') as w,
                             generate_series(1, greatest(length(w) - 1, 1)) as i
                        where w <> ''
                    $$""");
            sql.execute("drop table if exists bench.listing_search");
            sql.execute("""
                    create table bench.listing_search as
                    select l.id, l.origin_country, l.hs_chapter, l.hs_section,
                           l.lowest_price_eur_cents as price_eur, l.minimum_order_quantity as moq,
                           coalesce((select array_agg(c.kind) from catalog.listing_certifications c
                                     where c.listing_id = l.id), '{}') as certifications,
                           setweight(to_tsvector('english', coalesce(en.title, '')), 'A')
                           || setweight(to_tsvector('english', coalesce(en.description, '')), 'B')
                           || setweight(to_tsvector('simple', bench.cjk_bigrams(zh.title)), 'A')
                           || setweight(to_tsvector('simple', bench.cjk_bigrams(zh.description)), 'B')
                           || setweight(to_tsvector('simple', coalesce((select string_agg(s.name || ' ' || s.value, ' ')
                                 from catalog.listing_specifications s where s.listing_id = l.id), '')), 'C')
                           || setweight(to_tsvector('simple', l.supplier_name), 'D') as document
                    from catalog.listings l
                    left join catalog.listing_texts en on en.listing_id = l.id and en.locale = 'en'
                    left join catalog.listing_texts zh on zh.listing_id = l.id and zh.locale = (
                        select min(z.locale) from catalog.listing_texts z where z.listing_id = l.id and z.locale like 'zh%')
                    """);
            sql.execute("alter table bench.listing_search add primary key (id)");
            sql.execute("create index listing_search_document_idx on bench.listing_search using gin (document)");
            sql.execute("analyze bench.listing_search");
            try (ResultSet size = sql.executeQuery("""
                    select count(*), pg_total_relation_size('bench.listing_search') from bench.listing_search""")) {
                size.next();
                System.out.printf(Locale.ROOT, "PREPARED rows=%d bytes=%d seconds=%.1f%n", size.getLong(1),
                        size.getLong(2), (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static void run(String[] args, List<BenchmarkQueries.Query> queries, int threads, double warmup,
            double seconds) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                connections.add(DriverManager.getConnection(args[0], args[1], args[2]));
            }
            // one connection per worker: the workers of the warm-up and the measured phase share names
            List<Connection> free = new ArrayList<>(connections);
            Map<String, Connection> mine = new ConcurrentHashMap<>();
            ClosedLoop.Result result = ClosedLoop.run("postgres", threads, queries.size(), warmup, seconds, item -> {
                Connection connection = mine.computeIfAbsent(Thread.currentThread().getName(), name -> {
                    synchronized (free) {
                        return free.removeFirst();
                    }
                });
                try {
                    answer(connection, queries.get(item));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.println(result.line());
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** One first page: total, facets, the 20 best with highlighted texts; returns the total. */
    static long answer(Connection connection, BenchmarkQueries.Query query) throws SQLException {
        var facets = query.facets();
        String config = "zh".equals(query.lang()) ? "simple" : "english";
        String words = "zh".equals(query.lang()) ? bigrams(query.terms()) : String.join(" ", query.terms());
        String match = "zh".equals(query.lang()) ? "to_tsquery('simple', ?)" : "plainto_tsquery('english', ?)";
        long total;
        try (PreparedStatement statement = connection.prepareStatement("""
                with q as (select %s as q),
                hits as materialized (
                    select s.id, s.origin_country, s.hs_chapter, s.hs_section, s.price_eur, s.moq, s.certifications,
                           ts_rank(s.document, q.q) as rank
                    from bench.listing_search s, q where s.document @@ q.q %s),
                page as (select id, rank from hits order by rank desc, id limit 21)
                select 'total', null, count(*) from hits
                union all select 'section', hs_section, count(*) from hits group by hs_section
                %s
                union all select 'hit', p.id::text || ' ' || ts_headline('%s', coalesce(t.title, ''), q.q,
                        'HighlightAll=true, StartSel=<mark>, StopSel=</mark>')
                    || ' ' || ts_headline('%s', coalesce(t.description, ''), q.q,
                        'MaxFragments=1, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>'), 0
                from (select * from page order by rank desc, id limit 20) p cross join q
                left join catalog.listing_texts t on t.listing_id = p.id and t.locale = 'en'
                """.formatted(match, filters(facets, null), unselectedFacets(facets), config, config))) {
            int index = 1;
            statement.setString(index++, words);
            index = bind(statement, index, facets, null);
            total = -1;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if ("total".equals(rows.getString(1))) {
                        total = rows.getLong(3);
                    }
                }
            }
        }
        for (String dimension : List.of("origin", "chapter", "certification", "price", "moq")) {
            if (selects(facets, dimension)) {
                try (PreparedStatement statement = connection.prepareStatement("""
                        with q as (select %s as q),
                        hits as materialized (
                            select s.origin_country, s.hs_chapter, s.price_eur, s.moq, s.certifications
                            from bench.listing_search s, q where s.document @@ q.q %s)
                        select '%s', %s
                        """.formatted(match, filters(facets, dimension), dimension, facet(dimension)))) {
                    int index = 1;
                    statement.setString(index++, words);
                    bind(statement, index, facets, dimension);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getLong(3);
                        }
                    }
                }
            }
        }
        return total;
    }

    private static String unselectedFacets(BenchmarkQueries.Facets facets) {
        return List.of("origin", "chapter", "certification", "price", "moq").stream()
                .filter(dimension -> !selects(facets, dimension))
                .map(dimension -> "union all select '" + dimension + "', " + facet(dimension))
                .collect(Collectors.joining("\n"));
    }

    /** The select list (value, count) and source of a facet over {@code hits}. */
    private static String facet(String dimension) {
        return switch (dimension) {
            case "origin" -> "origin_country, count(*) from hits group by origin_country";
            case "chapter" -> "hs_chapter, count(*) from hits group by hs_chapter";
            case "certification" -> "c, count(*) from hits, unnest(certifications) c group by c";
            case "price" -> "b.lo || '-' || coalesce(b.hi::text, ''), count(*) from hits join (values " + BANDS_EURO
                    + ") b(lo, hi) on price_eur >= b.lo and (b.hi is null or price_eur < b.hi) group by b.lo, b.hi";
            case "moq" -> "b.lo || '-' || coalesce(b.hi::text, ''), count(*) from hits join (values " + BANDS_MOQ
                    + ") b(lo, hi) on moq >= b.lo and (b.hi is null or moq < b.hi) group by b.lo, b.hi";
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    private static boolean selects(BenchmarkQueries.Facets facets, String dimension) {
        return switch (dimension) {
            case "origin" -> facets.origin() != null;
            case "chapter" -> facets.chapter() != null;
            case "certification" -> facets.certification() != null;
            case "price" -> facets.priceEurCents() != null;
            case "moq" -> facets.moq() != null;
            default -> false;
        };
    }

    private static String filters(BenchmarkQueries.Facets facets, String without) {
        StringBuilder sql = new StringBuilder();
        if (facets.origin() != null && !"origin".equals(without)) {
            sql.append(" and s.origin_country = ?");
        }
        if (facets.chapter() != null && !"chapter".equals(without)) {
            sql.append(" and s.hs_chapter = ?");
        }
        if (facets.certification() != null && !"certification".equals(without)) {
            sql.append(" and s.certifications @> array[?]::text[]");
        }
        if (facets.priceEurCents() != null && !"price".equals(without)) {
            sql.append(" and s.price_eur >= ?").append(facets.priceEurCents().max() == null ? "" : " and s.price_eur <= ?");
        }
        if (facets.moq() != null && !"moq".equals(without)) {
            sql.append(" and s.moq >= ?").append(facets.moq().max() == null ? "" : " and s.moq <= ?");
        }
        return sql.toString();
    }

    private static int bind(PreparedStatement statement, int index, BenchmarkQueries.Facets facets, String without)
            throws SQLException {
        if (facets.origin() != null && !"origin".equals(without)) {
            statement.setString(index++, facets.origin());
        }
        if (facets.chapter() != null && !"chapter".equals(without)) {
            statement.setString(index++, facets.chapter());
        }
        if (facets.certification() != null && !"certification".equals(without)) {
            statement.setString(index++, facets.certification());
        }
        if (facets.priceEurCents() != null && !"price".equals(without)) {
            statement.setLong(index++, facets.priceEurCents().min());
            if (facets.priceEurCents().max() != null) {
                statement.setLong(index++, facets.priceEurCents().max());
            }
        }
        if (facets.moq() != null && !"moq".equals(without)) {
            statement.setLong(index++, facets.moq().min());
            if (facets.moq().max() != null) {
                statement.setLong(index++, facets.moq().max());
            }
        }
        return index;
    }

    /** Chinese words as a tsquery of their overlapping character pairs, all required. */
    static String bigrams(List<String> terms) {
        List<String> pairs = new ArrayList<>();
        for (String term : terms) {
            int[] characters = term.codePoints().toArray();
            if (characters.length == 1) {
                pairs.add(new String(characters, 0, 1));
            }
            for (int i = 0; i + 1 < characters.length; i++) {
                pairs.add(new String(characters, i, 2));
            }
        }
        return pairs.stream().map(pair -> "'" + pair.replace("'", "''") + "'").collect(Collectors.joining(" & "));
    }
}
