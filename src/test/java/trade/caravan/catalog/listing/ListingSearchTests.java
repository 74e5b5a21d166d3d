package trade.caravan.catalog.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trade.caravan.catalog.listing.SearchFixture.ids;
import static trade.caravan.catalog.listing.SearchFixture.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.SearchFixture.Draft;
import trade.caravan.catalog.listing.SearchResults.Facet;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.support.IntegrationTest;

@IntegrationTest
@Import(SearchFixture.class)
class ListingSearchTests {

    @Autowired
    SearchFixture fixture;
    @Autowired
    IndicativePrices prices;

    @Test
    void aChineseQueryFindsTheChineseTitle() {
        String tag = SearchFixture.word();
        ProductId kettle = fixture.supplier().publish(Draft.titled("Kettle " + tag).texts(
                new ProductDetails.Text("en", "Cordless kettle " + tag, null),
                new ProductDetails.Text("zh-CN", "无线电热水壶 " + tag, "不锈钢内胆，一点七升。")));
        fixture.awaitSearch(query(tag), results -> ids(results).contains(kettle));

        SearchResults results = fixture.search(query("电热水壶"), SearchFixture.USD, Locale.SIMPLIFIED_CHINESE);

        assertThat(ids(results)).contains(kettle);
        SearchResults.Hit hit = results.hits().stream().filter(h -> h.id().equals(kettle)).findFirst().orElseThrow();
        assertThat(hit.title()).isEqualTo("无线电热水壶 " + tag);
        assertThat(hit.titleHtml()).contains("<mark>");
        assertThat(results.broadened()).isFalse();
    }

    @Test
    void aChineseWordInsideALongerOneStillFindsIt() {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        // SmartCN keeps 电热水壶 (electric kettle) whole, so 水壶 (kettle) alone would miss it
        ProductId electric = supplier.publish(Draft.titled("Kettle " + tag).texts(
                new ProductDetails.Text("zh-CN", "不锈钢电热水壶 " + tag, null)));
        ProductId plain = supplier.publish(Draft.titled("Teapot " + tag).texts(
                new ProductDetails.Text("zh-CN", "水壶 " + tag, null)));
        fixture.awaitSearch(query(tag), results -> ids(results).containsAll(List.of(electric, plain)));

        SearchResults results = fixture.search(query("水壶 " + tag), SearchFixture.USD, Locale.SIMPLIFIED_CHINESE);

        assertThat(ids(results)).as("the whole word ranks first").containsExactly(plain, electric);
        assertThat(results.broadened()).isFalse();
    }

    @Test
    void aTypoStillFindsTheProductAndExactMatchesComeFirst() {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        ProductId kettle = supplier.publish(Draft.titled("Gooseneck kettle " + tag));
        ProductId kettel = supplier.publish(Draft.titled("Kettel brand teapot " + tag));
        fixture.awaitSearch(query(tag), results -> ids(results).containsAll(List.of(kettle, kettel)));

        SearchResults results = fixture.search(query("kettel " + tag));

        assertThat(results.broadened()).isTrue();
        assertThat(ids(results)).containsExactly(kettel, kettle);
        assertThat(ids(fixture.search(query("kettel")))).contains(kettle);
    }

    @Test
    void aTitleMatchRanksAboveADescriptionMatchAboveASpecificationMatch() {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        ProductId inSpecification = supplier.publish(Draft.titled("Toaster").specification("Model", tag));
        ProductId inDescription = supplier.publish(Draft.titled("Blender")
                .texts(new ProductDetails.Text("en", "Blender", "The " + tag + " series blender, 600 W.")));
        ProductId inTitle = supplier.publish(Draft.titled("Juicer " + tag));
        fixture.awaitSearch(query(tag), results -> results.total() == 3);

        assertThat(ids(fixture.search(query(tag)))).containsExactly(inTitle, inDescription, inSpecification);
    }

    @Test
    void facetsCountTheWholeResultAndEachFilterIgnoresItsOwnSelection() {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        supplier.publish(Draft.titled("Lamp " + tag).hs("9405.11").origin("CN").certified(CertificationKind.CE));
        supplier.publish(Draft.titled("Kettle " + tag).origin("CN").certified(CertificationKind.CE, CertificationKind.ROHS));
        supplier.publish(Draft.titled("Kettle " + tag).origin("VN"));
        supplier.publish(Draft.titled("Chair " + tag).hs("9401.61").origin("DE").moq(50));
        fixture.awaitSearch(query(tag), results -> results.total() == 4);

        SearchResults.Facets all = fixture.search(query(tag)).facets();
        assertThat(counts(all.origins())).isEqualTo(Map.of("CN", 2L, "VN", 1L, "DE", 1L));
        assertThat(counts(all.hsChapters())).isEqualTo(Map.of("85", 2L, "94", 2L));
        assertThat(counts(all.hsSections())).isEqualTo(Map.of("XVI", 2L, "XX", 2L));
        assertThat(counts(all.certifications())).isEqualTo(Map.of("CE", 2L, "ROHS", 1L));
        assertThat(counts(all.moqBands())).isEqualTo(Map.of("1-100", 1L, "500-1000", 3L));
        assertThat(all.origins()).filteredOn(f -> f.value().equals("DE")).extracting(Facet::label)
                .containsExactly("Germany");

        var fromChina = new SearchRequest(tag, List.of(), List.of(), List.of("CN"), List.of(), List.of(), List.of(),
                null, null, null, 100);
        SearchResults chinese = fixture.search(fromChina);
        assertThat(chinese.total()).isEqualTo(2);
        assertThat(counts(chinese.facets().origins())).isEqualTo(Map.of("CN", 2L, "VN", 1L, "DE", 1L));
        assertThat(chinese.facets().origins()).filteredOn(Facet::selected).extracting(Facet::value)
                .containsExactly("CN");
        assertThat(counts(chinese.facets().hsChapters())).isEqualTo(Map.of("85", 1L, "94", 1L));
        assertThat(counts(chinese.facets().certifications())).isEqualTo(Map.of("CE", 2L, "ROHS", 1L));

        var chineseFurniture = new SearchRequest(tag, List.of(), List.of("94"), List.of("CN", "DE"), List.of(),
                List.of(), List.of(), null, null, null, 100);
        assertThat(fixture.search(chineseFurniture).total()).isEqualTo(2);
    }

    @Test
    void priceBandsAreRoundAmountsOfTheBuyersCurrencyAndFilterOnTheEuroPrice() {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        Map<ProductId, Money> listed = Map.of(
                supplier.publish(Draft.titled("Cup " + tag).price("EUR", 200)), new Money(200, EURO),
                supplier.publish(Draft.titled("Pot " + tag).price("EUR", 2_000)), new Money(2_000, EURO),
                supplier.publish(Draft.titled("Urn " + tag).price("EUR", 20_000)), new Money(20_000, EURO));
        fixture.awaitSearch(query(tag), results -> results.total() == 3);

        List<String> labels = new ArrayList<>();
        for (CurrencyCode currency : List.of(SearchFixture.USD, new CurrencyCode("CNY"))) {
            List<Facet> bands = fixture.search(query(tag), currency, Locale.ENGLISH).facets().priceBands();
            assertThat(bands).extracting(Facet::count).containsOnly(1L).hasSize(3);
            for (Facet facet : bands) {
                Band band = Band.parse(facet.value(), "priceBand");
                var inBand = new SearchRequest(tag, List.of(), List.of(), List.of(), List.of(), List.of(facet.value()),
                        List.of(), null, null, null, 100);
                ProductId found = fixture.search(inBand, currency, Locale.ENGLISH).hits().getFirst().id();
                long converted = prices.convert(listed.get(found), currency).converted().minor();
                assertThat(band.contains(converted)).as("%s in %s", converted, facet.value()).isTrue();
                labels.add(facet.label());
            }
        }
        assertThat(labels.subList(0, 3)).allMatch(label -> label.contains("$") && !label.contains("CN¥"));
        assertThat(labels.subList(3, 6)).allMatch(label -> label.contains("CN¥"));
    }

    @Test
    void cursorPagingReturnsEveryHitExactlyOnceInEveryOrder() {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        List<ProductId> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            published.add(supplier.publish(Draft.titled("Mug " + tag + (i % 2 == 0 ? " " + tag : ""))
                    .price("USD", 100 + (i % 3) * 50).moq(10 + (i % 2))));
        }
        fixture.awaitSearch(query(tag), results -> results.total() == 7);

        for (SearchSort sort : SearchSort.values()) {
            List<ProductId> seen = new ArrayList<>();
            String cursor = null;
            do {
                var page = fixture.search(new SearchRequest(tag, List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of(), sort.parameter(), null, cursor, 2));
                assertThat(page.hits()).hasSizeLessThanOrEqualTo(2);
                page.hits().forEach(hit -> seen.add(hit.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(seen).as(sort.name()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
            assertThat(new HashSet<>(seen)).hasSize(7);
        }
    }

    @Test
    void highlightedTextIsEscapedAndOnlyMarksAreMarkup() {
        String tag = SearchFixture.word();
        ProductId id = fixture.supplier().publish(Draft.titled("<script>alert('x')</script> " + tag + " & co")
                .texts(new ProductDetails.Text("en", "<script>alert('x')</script> " + tag + " & co",
                        "<img src=x onerror=alert(1)> Made by " + tag + ".")));
        SearchResults.Hit hit = fixture.awaitSearch(query(tag), results -> ids(results).contains(id)).hits().getFirst();

        assertThat(hit.titleHtml()).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>" + tag
                + "</mark> &amp; co");
        assertThat(hit.snippetHtml()).contains("&lt;img src=x onerror=alert(1)&gt;", "<mark>" + tag + "</mark>")
                .doesNotContain("<img", "<script");
    }

    @Test
    void badParametersAreAllNamed() {
        var bad = new SearchRequest("x".repeat(101), List.of("XXII"), List.of("100"), List.of("Germany"),
                List.of("NOPE"), List.of("5-1"), List.of("many"), "cheapest", "XYZ", "not-a-cursor", 0);
        assertThatThrownBy(() -> fixture.search(bad))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().stream().map(InvalidInput.Violation::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("q", "hsSection", "hsChapter", "origin", "certification", "priceBand",
                        "moqBand", "sort", "currency", "limit", "cursor");
    }

    private static final CurrencyCode EURO = new CurrencyCode("EUR");

    private static Map<String, Long> counts(List<Facet> facets) {
        return facets.stream().filter(f -> f.count() > 0)
                .collect(Collectors.toMap(Facet::value, Facet::count, (a, b) -> a));
    }

}
