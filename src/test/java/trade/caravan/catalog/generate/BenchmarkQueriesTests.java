package trade.caravan.catalog.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.shared.CountryCode;

/** The benchmark's query mix: two terms from the vocabulary, 60/40 English and Chinese, facets that fit. */
class BenchmarkQueriesTests {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    final Vocabulary vocabulary = Vocabulary.bundled();
    final BenchmarkQueries queries = new BenchmarkQueries(vocabulary, 42);

    @Test
    void queriesAreTwoTermsInEnglishOrChineseWithFittingFacets() {
        Set<String> words = new HashSet<>();
        vocabulary.articles().forEach(article -> {
            words.add(article.searchKey().en());
            words.add(article.searchKey().zh());
            article.modifiers().forEach(m -> m.group().terms().forEach(t -> {
                words.add(t.searchKey().en().toLowerCase(Locale.ROOT));
                words.add(t.searchKey().zh());
            }));
        });
        vocabulary.chapters().forEach(c -> {
            words.add(c.name().en().split("[ ,]+")[0].toLowerCase(Locale.ROOT));
            words.add(c.name().zh().substring(0, 2));
        });
        int english = 0;
        int faceted = 0;
        for (long index = 0; index < 5_000; index++) {
            BenchmarkQueries.Query query = queries.query(index);
            assertThat(query.id()).isEqualTo(index);
            assertThat(query.terms()).hasSize(2).doesNotHaveDuplicates();
            assertThat(query.terms()).allSatisfy(term -> assertThat(words).contains(term));
            if (query.lang().equals("en")) {
                english++;
                assertThat(query.q()).isEqualTo(query.terms().get(0) + " " + query.terms().get(1))
                        .isLowerCase().doesNotContainPattern(HAN);
            } else {
                assertThat(query.lang()).isEqualTo("zh");
                assertThat(query.q()).isEqualTo(query.terms().get(0) + query.terms().get(1)).containsPattern(HAN);
            }
            BenchmarkQueries.Facets facets = query.facets();
            faceted += facets.count() > 0 ? 1 : 0;
            if (facets.origin() != null) {
                assertThat(vocabulary.countries()).containsKey(new CountryCode(facets.origin()));
            }
            if (facets.chapter() != null) {
                assertThat(vocabulary.chapter(facets.chapter())).isPresent();
            }
            if (facets.certification() != null) {
                assertThat(CertificationKind.valueOf(facets.certification())).isNotEqualTo(CertificationKind.OTHER);
            }
            for (BenchmarkQueries.Band band : new BenchmarkQueries.Band[] {facets.priceEurCents(), facets.moq()}) {
                if (band != null && band.max() != null) {
                    assertThat(band.max()).isGreaterThan(band.min());
                }
            }
        }
        assertThat(english).isBetween(2_800, 3_200);
        assertThat(faceted).isBetween(2_000, 3_000);
    }

    @Test
    void theMixIsReproducibleFromItsSeed() {
        var again = new BenchmarkQueries(vocabulary, 42);
        var other = new BenchmarkQueries(vocabulary, 43);
        List<BenchmarkQueries.Query> first = List.of(queries.query(0), queries.query(1), queries.query(9_999));
        assertThat(List.of(again.query(0), again.query(1), again.query(9_999))).isEqualTo(first);
        assertThat(List.of(other.query(0), other.query(1), other.query(9_999))).isNotEqualTo(first);
    }

    @Test
    void writesOneJsonObjectPerLine(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bench/queries.jsonl");
        queries.write(file, 500);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(500);
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode query = json.readTree(lines.get(i));
            assertThat(query.get("id").asLong()).isEqualTo(i);
            assertThat(query.get("lang").asString()).isIn("en", "zh");
            assertThat(query.get("q").asString()).isEqualTo(queries.query(i).q());
            assertThat(query.get("terms").size()).isEqualTo(2);
            assertThat(query.get("facets").isObject()).isTrue();
            query.get("facets").forEach(facet -> assertThat(facet.isNull()).isFalse());
        }
    }
}
