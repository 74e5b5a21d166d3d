package trade.caravan.catalog.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class ProductPageTests {

    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProductManagement products;
    @Autowired
    Tenancy tenancy;

    Listed listed;
    TestAccounts.Organization supplier;

    @BeforeEach
    void supplier() {
        listed = new Listed(products, tenancy);
        supplier = accounts.organization(Role.TRADER);
    }

    @Test
    void anAnonymousReaderSeesTheProductWithStructuredDataAndAlternates() throws Exception {
        ProductId id = listed.published(supplier, Listed.kettle("Electric kettle 1.7 l"));

        MockHttpServletResponse response = page(id, "en");
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        String base = "http://localhost:8080/products/" + id;
        assertThat(page).contains("<h1>Electric kettle 1.7 l</h1>", "lang=\"en\"",
                "<link rel=\"canonical\" href=\"" + base + "\">",
                "<link rel=\"alternate\" hreflang=\"en\" href=\"" + base + "?lang=en\">",
                "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"" + base + "?lang=zh-CN\">",
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base + "\">",
                "<meta property=\"og:type\" content=\"product\">",
                "<meta property=\"og:title\" content=\"Electric kettle 1.7 l\">",
                "<meta property=\"og:url\" content=\"" + base + "\">",
                "8516.71", "Shenzhen", "CNSZX", "CE marking", "2200 W", "7.2 kg",
                "href=\"/suppliers/" + supplier.id() + "\"", supplier.name(),
                "Indicative prices in", "images/storefront/no-picture.svg");
        assertThat(page).doesNotContain("_csrf", "Add to shortlist");
        // the port and its country read "Shenzhen …, China", without a space before the comma
        assertThat(page).contains("Apt</span><span>, China</span>");

        JsonNode product = jsonLd(page);
        assertThat(product.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(product.get("@type").asString()).isEqualTo("Product");
        assertThat(product.get("name").asString()).isEqualTo("Electric kettle 1.7 l");
        assertThat(product.get("sku").asString()).isEqualTo(id.toString());
        assertThat(product.get("countryOfOrigin").get("name").asString()).isEqualTo("CN");
        assertThat(product.get("brand").get("@type").asString()).isEqualTo("Organization");
        assertThat(product.get("brand").get("name").asString()).isEqualTo(supplier.name());
        assertThat(product.get("brand").get("address").get("addressCountry").asString()).isEqualTo("DE");
        JsonNode offers = product.get("offers");
        assertThat(offers.get("@type").asString()).isEqualTo("AggregateOffer");
        assertThat(offers.get("priceCurrency").asString()).isEqualTo("USD");
        assertThat(offers.get("lowPrice").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(offers.get("highPrice").decimalValue()).isEqualByComparingTo("12.40");
        JsonNode first = offers.get("offers").get(0);
        assertThat(first.get("@type").asString()).isEqualTo("Offer");
        assertThat(first.get("price").decimalValue()).isEqualByComparingTo("12.40");
        assertThat(first.get("eligibleQuantity").get("minValue").asLong()).isEqualTo(500);
        assertThat(first.get("eligibleQuantity").get("unitCode").asString()).isEqualTo("C62");
        assertThat(first.get("availability").asString()).isEqualTo("https://schema.org/InStock");
        assertThat(first.get("seller").get("@id").asString()).endsWith("/suppliers/" + supplier.id() + "#organization");
    }

    @Test
    void pricesAreShownInTheSuppliersCurrencyWithTheIndicativeOneBeside() throws Exception {
        ProductId id = listed.published(supplier, Listed.kettle("Kettle in euros"));
        MockHttpServletResponse response = mvc.perform(get("/products/" + id).param("currency", "EUR")
                .header("Accept-Language", "en")).andReturn().getResponse();
        String page = response.getContentAsString();
        assertThat(page).contains("12.40\u00a0USD", "Indicative in EUR", "\u00a0EUR", "Prices in EUR are indicative, ECB rate of ",
                "The price is the supplier&#39;s, in USD.", "<option value=\"EUR\" selected=\"selected\">");
        assertThat(response.getCookie("CARAVAN_CURRENCY").getValue()).isEqualTo("EUR");
        assertThat(response.getHeader("Cache-Control")).as("a response that sets a cookie is not for shared caches")
                .contains("private").doesNotContain("public");

        String sameCurrency = mvc.perform(get("/products/" + id).param("currency", "USD"))
                .andReturn().getResponse().getContentAsString();
        assertThat(sameCurrency).doesNotContain("Indicative in USD", "are indicative");
    }

    @Test
    void chineseReadersGetTheChineseTextAndMissingLanguagesFallBackSayingSo() throws Exception {
        ProductId kettle = listed.published(supplier, Listed.kettle("Kettle for Chinese readers"));
        String chinese = page(kettle, "zh-CN,zh;q=0.9").getContentAsString();
        assertThat(chinese).contains("<html lang=\"zh-CN\"", "<h1>电热水壶 1.7 升</h1>", "最小起订量", "CNY 参考价");
        assertThat(jsonLd(chinese).get("name").asString()).isEqualTo("电热水壶 1.7 升");

        String chosen = mvc.perform(get("/products/" + kettle).param("lang", "zh-CN")).andReturn().getResponse()
                .getContentAsString();
        assertThat(chosen).contains("<h1>电热水壶 1.7 升</h1>",
                "<link rel=\"canonical\" href=\"http://localhost:8080/products/" + kettle + "?lang=zh-CN\">");

        ProductId coffee = listed.published(supplier, Listed.englishOnly("Green coffee beans"));
        String fallback = page(coffee, "zh-CN").getContentAsString();
        assertThat(fallback).contains("<h1>Green coffee beans</h1>", "此商品没有您所用语言的介绍", "英语");
        assertThat(page(coffee, "en").getContentAsString()).doesNotContain("no text in your language");
    }

    @Test
    void aTitleCannotBreakOutOfTheStructuredData() throws Exception {
        String hostile = "Kettle </script><script>alert(1)</script> & <b>bold</b>";
        ProductId id = listed.published(supplier, Listed.kettle(hostile));
        String page = page(id, "en").getContentAsString();

        assertThat(page).doesNotContain("<script>alert(1)", "<b>bold</b>");
        List<String> inlineScripts = new ArrayList<>();
        Matcher scripts = Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(page);
        while (scripts.find()) {
            inlineScripts.add(scripts.group(1));
        }
        assertThat(inlineScripts).as("only the JSON-LD data block is inline").containsExactly(" type=\"application/ld+json\"");
        String block = jsonLdText(page);
        assertThat(block).contains("\\u003C/script\\u003E").doesNotContain("<", ">");
        assertThat(jsonLd(page).get("name").asString()).isEqualTo(hostile);
        assertThat(page).doesNotContain(" style=\"", "<style", "onclick=", "onload=", "javascript:");
    }

    @Test
    void anonymousPagesAreCacheableWithAnETagAndTheCachedCopyCarriesTheSecurityHeaders() throws Exception {
        ProductId id = listed.published(supplier, Listed.kettle("Cached kettle"));
        MockHttpServletResponse first = page(id, "en");
        assertThat(first.getHeader("Cache-Control")).isEqualTo("max-age=60, public");
        assertThat(first.getHeader("Vary")).isEqualTo("Accept-Language, Cookie");
        assertThat(first.getHeaders("Set-Cookie")).as("no session for a visitor").isEmpty();
        String etag = first.getHeader("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{24}\"");

        MockHttpServletResponse second = page(id, "en");
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        for (String header : List.of("ETag", "Cache-Control", "Vary", "Content-Type", "Content-Language",
                "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                "Permissions-Policy")) {
            assertThat(second.getHeader(header)).as(header).isNotNull().isEqualTo(first.getHeader(header));
        }
        assertThat(second.getHeader("X-Request-Id")).isNotBlank().isNotEqualTo(first.getHeader("X-Request-Id"));

        MockHttpServletResponse notModified = mvc.perform(get("/products/" + id).header("Accept-Language", "en")
                .header("If-None-Match", "\"other\", " + etag)).andReturn().getResponse();
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(notModified.getHeader("ETag")).isEqualTo(etag);
        assertThat(notModified.getHeader("Content-Security-Policy")).isNotBlank();

        MockHttpServletResponse headOnly = mvc.perform(head("/products/" + id).header("Accept-Language", "en"))
                .andReturn().getResponse();
        assertThat(headOnly.getStatus()).isEqualTo(200);
        assertThat(headOnly.getContentAsByteArray()).isEmpty();

        assertThat(page(id, "zh-CN").getHeader("ETag")).as("another language, another representation")
                .isNotEqualTo(etag);
    }

    @Test
    void aRevisedProductShowsAtOnceAndAWithdrawnOneIsGoneAtOnce() throws Exception {
        ProductId id = listed.published(supplier, Listed.kettle("Kettle before"));
        assertThat(page(id, "en").getContentAsString()).contains("Kettle before");
        String etag = page(id, "en").getHeader("ETag");

        listed.revise(supplier, id, Listed.kettle("Kettle after"));
        MockHttpServletResponse revised = mvc.perform(get("/products/" + id).header("Accept-Language", "en")
                .header("If-None-Match", etag)).andReturn().getResponse();
        assertThat(revised.getStatus()).isEqualTo(200);
        assertThat(revised.getContentAsString()).contains("Kettle after").doesNotContain("Kettle before");

        listed.withdraw(supplier, id);
        assertThat(page(id, "en").getStatus()).isEqualTo(404);
    }

    @Test
    void draftsUnknownAndMalformedIdsAllGetTheSameNotFound() throws Exception {
        ProductId draft = listed.draft(supplier, Listed.kettle("Secret draft kettle"));
        MockHttpServletResponse forDraft = page(draft, "en");
        MockHttpServletResponse unknown = mvc.perform(get("/products/" + UUID.randomUUID())
                .header("Accept-Language", "en")).andReturn().getResponse();
        MockHttpServletResponse malformed = mvc.perform(get("/products/not-a-product")
                .header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(List.of(forDraft.getStatus(), unknown.getStatus(), malformed.getStatus())).containsOnly(404);
        assertThat(forDraft.getContentAsString()).doesNotContain("Secret draft kettle")
                .isEqualTo(unknown.getContentAsString()).isEqualTo(malformed.getContentAsString());
        assertThat(forDraft.getHeader("Cache-Control")).doesNotContain("public");
    }

    @Test
    void membersWhoTradeCanShortlistFromThePageAndOthersSeeNoButton() throws Exception {
        ProductId id = listed.published(supplier, Listed.kettle("Kettle to shortlist"));
        var buyer = accounts.organization(Role.TRADER, Role.VIEWER);
        Cookie trader = TestAccounts.signIn(mvc, buyer.member(Role.TRADER).email(), TestAccounts.PASSWORD);
        Cookie viewer = TestAccounts.signIn(mvc, buyer.member(Role.VIEWER).email(), TestAccounts.PASSWORD);

        MockHttpServletResponse forTrader = mvc.perform(get("/products/" + id).cookie(trader)).andReturn().getResponse();
        assertThat(forTrader.getHeader("Cache-Control")).contains("no-store", "private");
        assertThat(forTrader.getHeader("ETag")).isNull();
        assertThat(forTrader.getContentAsString()).contains("Add to shortlist",
                "action=\"/catalog/shortlist/" + id + "\"", "name=\"_csrf\"");
        assertThat(mvc.perform(get("/products/" + id).cookie(viewer)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Add to shortlist", "On your organization");

        MockHttpServletResponse added = mvc.perform(post("/catalog/shortlist/" + id).with(csrf()).cookie(trader))
                .andReturn().getResponse();
        assertThat(added.getRedirectedUrl()).isEqualTo("/products/" + id);
        assertThat(mvc.perform(get("/products/" + id).cookie(trader)).andReturn().getResponse().getContentAsString())
                .contains("On your organization&#39;s shortlist").doesNotContain("Add to shortlist");
        assertThat(mvc.perform(get("/products/" + id).cookie(viewer)).andReturn().getResponse().getContentAsString())
                .as("the shortlist is the organization's").contains("On your organization&#39;s shortlist");

        assertThat(page(id, "en").getContentAsString()).as("visitors see none of it")
                .doesNotContain("Add to shortlist", "On your organization", "/catalog/shortlist");
    }

    private MockHttpServletResponse page(ProductId id, String language) throws Exception {
        return mvc.perform(get("/products/" + id).header("Accept-Language", language)).andReturn().getResponse();
    }

    static String jsonLdText(String page) {
        Matcher matcher = JSON_LD.matcher(page);
        assertThat(matcher.find()).as("a JSON-LD block").isTrue();
        return matcher.group(1);
    }

    static JsonNode jsonLd(String page) {
        return JSON.readTree(jsonLdText(page));
    }
}
