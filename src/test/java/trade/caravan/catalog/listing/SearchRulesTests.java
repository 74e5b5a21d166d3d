package trade.caravan.catalog.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import trade.caravan.platform.DomainException;

/** The rules of search that need no index: bands, snippets, near spellings and the cursor order. */
class SearchRulesTests {

    @Test
    void priceBandsAreRoundNumbersOfTheBuyersCurrency() {
        assertThat(PriceBands.inCurrency(2, new BigDecimal("7.8521")))
                .extracting(Band::id)
                .containsExactly("0-1000", "1000-5000", "5000-10000", "10000-50000", "50000-100000",
                        "100000-500000", "500000-");
        assertThat(PriceBands.inCurrency(2, new BigDecimal("1.0825")))
                .extracting(Band::id)
                .containsExactly("0-100", "100-500", "500-1000", "1000-5000", "5000-10000", "10000-50000", "50000-");
        assertThat(PriceBands.inCurrency(0, new BigDecimal("162.31")))
                .extracting(Band::id)
                .containsExactly("0-200", "200-1000", "1000-2000", "2000-10000", "10000-20000", "20000-100000",
                        "100000-");
        assertThat(PriceBands.roundNumber(new BigDecimal("0.039"))).isEqualByComparingTo("0.05");
        assertThat(PriceBands.roundNumber(new BigDecimal("3"))).isEqualByComparingTo("2");
        assertThat(PriceBands.roundNumber(new BigDecimal("3.3"))).isEqualByComparingTo("5");
    }

    @Test
    void aBandInEuroCentsKeepsItsOrderEvenWhenTiny() {
        assertThat(PriceBands.inEuroCents(new Band(1_000, 5_000L), 2, new BigDecimal("0.1274")))
                .isEqualTo(new Band(127, 637L));
        assertThat(PriceBands.inEuroCents(new Band(0, 1L), 0, new BigDecimal("0.00001")))
                .isEqualTo(new Band(0, 1L));
        assertThat(PriceBands.inEuroCents(new Band(500_000, null), 2, new BigDecimal("0.1274")))
                .isEqualTo(new Band(63_700, null));
    }

    @Test
    void bandsAreParsedStrictly() {
        assertThat(Band.parse(" 100-500 ", "moqBand")).isEqualTo(new Band(100, 500L));
        assertThat(Band.parse("10000-", "moqBand")).isEqualTo(new Band(10_000, null));
        for (String bad : List.of("", "-5", "5-5", "9-1", "a-b", "1-2-3", "1000000000000000-", "+1-2", "1 - 2")) {
            assertThatThrownBy(() -> Band.parse(bad, "moqBand")).as(bad).isInstanceOf(DomainException.class);
        }
        assertThat(new Band(100, 500L).contains(499)).isTrue();
        assertThat(new Band(100, 500L).contains(500)).isFalse();
    }

    @Test
    void snippetsAreEscapedAndOnlyBalancedMarksComeOut() {
        String o = Snippets.OPEN;
        String c = Snippets.CLOSE;
        assertThat(Snippets.html("<b>" + o + "kettle" + c + "</b> & \"co\" 'x'"))
                .isEqualTo("&lt;b&gt;<mark>kettle</mark>&lt;/b&gt; &amp; &quot;co&quot; &#39;x&#39;");
        assertThat(Snippets.html(o + o + "a" + c + c + "b" + o + "c")).isEqualTo("<mark>a</mark>b<mark>c</mark>");
        assertThat(Snippets.html("a\u0000b\u0007" + c)).isEqualTo("ab");
        assertThat(Snippets.escape(o + "<script>" + c)).isEqualTo("&lt;script&gt;");
    }

    @Test
    void nearSpellingsAreAllowedForLatinWordsOfFourOrMoreCharactersOnly() {
        assertThat(ListingSearch.nearSpellings("kettel")).isEqualTo("kettel~1");
        assertThat(ListingSearch.nearSpellings("kettel 1.7 l café")).isEqualTo("kettel~1 1.7 l café~1");
        assertThat(ListingSearch.nearSpellings("电热水壶")).isNull();
        assertThat(ListingSearch.nearSpellings("\"steel kettle\"")).isNull();
        assertThat(ListingSearch.nearSpellings("tea cup")).isNull();
        assertThat(ListingSearch.nearSpellings("one1 two2 three four five")).isEqualTo("one1~1 two2~1 three~1 four five");
        assertThat(ListingSearch.nearSpellings("")).isNull();
    }

    @Test
    void theCursorOrderIsTheSortOrderWithTheIdAsTieBreaker() {
        List<ListingSearch.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row(UUID.randomUUID(), i % 3, Instant.ofEpochMilli(1_000L * (i % 4)), i % 5 == 0 ? null : (long) (i % 6),
                    i % 7));
        }
        for (SearchSort sort : SearchSort.values()) {
            List<ListingSearch.Row> sorted = rows.stream().sorted(order(sort)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                var cursor = new ListingSearch.Position("f", false, i, ListingSearch.sortValue(sorted.get(i), sort),
                        sorted.get(i).key().toString());
                for (int j = 0; j < sorted.size(); j++) {
                    assertThat(ListingSearch.isAfter(sorted.get(j), cursor, sort)).as("%s %d after %d", sort, j, i)
                            .isEqualTo(j > i);
                }
            }
        }
    }

    @Test
    void aForgedCursorIsRefused() {
        var forged = new ListingSearch.Position("f", false, 0, "not-a-number", UUID.randomUUID().toString());
        assertThatThrownBy(() -> ListingSearch.isAfter(row(UUID.randomUUID(), 1, Instant.EPOCH, 1L, 1), forged,
                SearchSort.NEWEST)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> ListingSearch.Position.decode("bm90IGEgY3Vyc29y")).isInstanceOf(DomainException.class);
    }

    /** The order Lucene applies for each sort, as the index defines it. */
    private static Comparator<ListingSearch.Row> order(SearchSort sort) {
        Comparator<ListingSearch.Row> primary = switch (sort) {
            case RELEVANCE -> Comparator.comparing(ListingSearch.Row::score, Comparator.reverseOrder());
            case NEWEST -> Comparator.comparing(ListingSearch.Row::publishedAt, Comparator.reverseOrder());
            case PRICE_ASC -> Comparator.comparing(ListingSearch.Row::priceEuroCents,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case PRICE_DESC -> Comparator.comparing(ListingSearch.Row::priceEuroCents,
                    Comparator.nullsLast(Comparator.reverseOrder()));
            case MOQ_ASC -> Comparator.comparing(ListingSearch.Row::moq);
        };
        return primary.thenComparing(row -> row.key().toString());
    }

    private static ListingSearch.Row row(UUID key, float score, Instant publishedAt, Long priceEuroCents, long moq) {
        return new ListingSearch.Row(key, score, List.of(), List.of(), "t", "en", List.of(), List.of(), List.of(),
                List.of(), List.of(), UUID.randomUUID(), "s", "CN", 100, "USD", priceEuroCents, moq, "C62", "CN",
                List.of(), List.of(), "851671", publishedAt);
    }
}
