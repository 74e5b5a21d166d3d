package trade.caravan.catalog.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static trade.caravan.catalog.listing.SearchFixture.ids;
import static trade.caravan.catalog.listing.SearchFixture.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.SearchFixture.Draft;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.support.IntegrationTest;

/** The search page and API without sign-in, and the operator's index page. */
@IntegrationTest
@Import(SearchFixture.class)
class SearchPagesTests {

    private static final RequestPostProcessor FROM_THE_INTERNET = request -> {
        request.setRemoteAddr("203.0.113.9");
        return request;
    };

    @Autowired
    MockMvc mvc;
    @Autowired
    SearchFixture fixture;
    @Autowired
    ListingIndexing indexing;
    @Autowired
    ListingSearch search;

    @Test
    void thePublicPageShowsResultsAndFiltersInEnglishAndChineseWithoutSignIn() throws Exception {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        ProductId id = supplier.publish(Draft.titled("Kettle").certified(CertificationKind.CE).texts(
                new ProductDetails.Text("en", "Travel kettle " + tag, "Folds flat; " + tag + " silicone body."),
                new ProductDetails.Text("zh-CN", "旅行电热水壶 " + tag, "可折叠。")));
        fixture.awaitSearch(query(tag), results -> ids(results).contains(id));

        mvc.perform(get("/search").param("q", tag).param("currency", "EUR"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("Find products")))
                .andExpect(content().string(containsString("Travel kettle <mark>" + tag + "</mark>")))
                .andExpect(content().string(containsString("href=\"/products/" + id + "\"")))
                .andExpect(content().string(containsString("href=\"/suppliers/" + supplier.organization().id() + "\"")))
                .andExpect(content().string(containsString(supplier.name())))
                .andExpect(content().string(containsString("name=\"certification\" value=\"CE\"")))
                // listings keep the code as the catalog normalizes it, with its dot: not "8516..71"
                .andExpect(content().string(containsString("<dd class=\"code\">8516.71</dd>")))
                .andExpect(content().string(containsString("1 product")))
                .andExpect(content().string(containsString("about €")))
                .andExpect(content().string(containsString("aria-live=\"polite\"")))
                .andExpect(content().string(not(containsString("hx-swap-oob"))));

        mvc.perform(get("/search").param("q", tag).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"zh-CN\"")))
                .andExpect(content().string(containsString("查找商品")))
                .andExpect(content().string(containsString("旅行电热水壶 <mark>" + tag + "</mark>")))
                .andExpect(content().string(containsString("原产国")));
    }

    @Test
    void aVisitorsSearchOpensNoSessionAndCarriesNoCsrfToken() throws Exception {
        var response = mvc.perform(get("/search").param("q", "kettle").with(FROM_THE_INTERNET))
                .andExpect(status().isOk())
                .andReturn().getResponse();

        assertThat(response.getHeaders("Set-Cookie")).as("a crawler must not cost a session row per request")
                .noneMatch(cookie -> cookie.startsWith("SESSION"));
        assertThat(response.getContentAsString()).doesNotContain("name=\"_csrf\"");
    }

    @Test
    void htmxGetsTheResultsAndTheFiltersOnly() throws Exception {
        String tag = SearchFixture.word();
        ProductId id = fixture.supplier().publish(Draft.titled("Teapot " + tag).origin("VN"));
        fixture.awaitSearch(query(tag), results -> ids(results).contains(id));

        String body = mvc.perform(get("/search").param("q", tag).param("origin", "VN").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("<html", "<form").contains("Teapot <mark>" + tag + "</mark>")
                .contains("id=\"search-filters\"", "hx-swap-oob=\"true\"")
                .contains("name=\"origin\" value=\"VN\" checked=\"checked\"");
    }

    @Test
    void badFiltersAreExplainedOnThePageAndAsProblemDetails() throws Exception {
        mvc.perform(get("/search").param("origin", "Germany").param("sort", "cheapest"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The filter origin has a value that does not exist.")))
                .andExpect(content().string(containsString("Unknown order")));

        mvc.perform(get("/api/v1/search").param("hsSection", "XXII").param("sort", "cheapest")
                        .param("limit", "0").param("currency", "XYZ").param("cursor", "%%%"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("hsSection")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sort")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("limit")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("currency")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("cursor")));
    }

    @Test
    void theApiAnswersWithoutSignInWithResultsFacetsAndACursor() throws Exception {
        String tag = SearchFixture.word();
        var supplier = fixture.supplier();
        for (int i = 0; i < 3; i++) {
            supplier.publish(Draft.titled("Ladle " + tag).price("CNY", 1_500 + i * 1_500));
        }
        fixture.awaitSearch(query(tag), results -> results.total() == 3);

        mvc.perform(get("/api/v1/search").param("q", tag).param("limit", "2").param("currency", "USD")
                        .param("sort", "price-asc"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].lowestPrice.minor").value(1_500))
                .andExpect(jsonPath("$.items[0].lowestPrice.currency").value("CNY"))
                .andExpect(jsonPath("$.items[0].indicativePrice.currency").value("USD"))
                .andExpect(jsonPath("$.items[0].titleHtml").value("Ladle <mark>" + tag + "</mark>"))
                .andExpect(jsonPath("$.items[0].supplier.name").value(supplier.name()))
                .andExpect(jsonPath("$.facets.origin[0].value").value("CN"))
                .andExpect(jsonPath("$.facets.origin[0].count").value(3))
                .andExpect(jsonPath("$.nextCursor").isNotEmpty());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/search'].get.summary").value("Search published products"));
    }

    @Test
    void theOperatorPageIsForOperatorAddressesOnly() throws Exception {
        mvc.perform(get("/operator/search").with(FROM_THE_INTERNET)).andExpect(status().isForbidden());
        mvc.perform(post("/operator/search/rebuild").with(csrf()).with(FROM_THE_INTERNET))
                .andExpect(status().isForbidden());
        mvc.perform(get("/operator/search"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Listings in the index")))
                .andExpect(content().string(containsString("Rebuild the index")));
    }

    @Test
    void aRebuildReindexesEveryListingAndASecondOneIsRefusedWhileItRuns() throws Exception {
        String tag = SearchFixture.word();
        ProductId id = fixture.supplier().publish(Draft.titled("Samovar " + tag));
        fixture.awaitSearch(query(tag), results -> ids(results).contains(id));

        mvc.perform(post("/operator/search/rebuild").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/operator/search/rebuild").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The search index is already being rebuilt.")));
        mvc.perform(get("/operator/search/progress").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")));

        await().atMost(SearchFixture.INDEXING_BOUND)
                .until(() -> indexing.progress().state() != ListingIndexing.State.RUNNING);
        ListingIndexing.Progress done = indexing.progress();
        assertThat(done.state()).isEqualTo(ListingIndexing.State.DONE);
        assertThat(done.indexed()).isEqualTo(done.total()).isPositive();
        assertThat(ids(fixture.search(query(tag)))).containsExactly(id);
        mvc.perform(get("/operator/search"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rebuilt:")));
        assertThat(search.indexedCount()).isGreaterThanOrEqualTo(done.total());
    }
}
