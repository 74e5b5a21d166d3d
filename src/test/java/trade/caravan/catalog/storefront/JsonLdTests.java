package trade.caravan.catalog.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.accounts.OrganizationFacts;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.TradeRole;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.pricing.PriceTiers;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.StructuredData;

class JsonLdTests {

    private static final String HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028\u2029 \"quoted\"";

    @Test
    void supplierTextIsEscapedSoItCannotEndTheScriptBlockAndReadsBackUnchanged() {
        ListingView.Text text = new ListingView.Text("en", HOSTILE, "<img src=x onerror=alert(1)>");
        String json = JsonLd.product(listing(text, HOSTILE), text, "https://caravan.example/products/x",
                "https://caravan.example/suppliers/y", List.of(), List.of(new JsonLd.Tier(10, new BigDecimal("1.50"))));

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029")
                .contains("\\u003C/script\\u003E", "\\u2028", "\\u0026");
        JsonNode product = JsonMapper.builder().build().readTree(json);
        assertThat(product.get("name").asString()).isEqualTo(HOSTILE);
        assertThat(product.get("description").asString()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(product.get("brand").get("name").asString()).isEqualTo(HOSTILE);
        assertThat(product.get("offers").get("@type").asString()).as("one tier, one Offer").isEqualTo("Offer");
        assertThat(product.get("offers").get("price").decimalValue()).isEqualByComparingTo("1.50");
    }

    /**
     * As a JSON-LD processor reads them, against schema.org: nothing dropped, schema.org's types, and
     * each property on a type schema.org defines it for (the language of the text, once given as
     * {@code inLanguage}, is not a property of a Product: the page's hreflang links say it).
     */
    @Test
    void productsValidateAsSchemaOrgWithOneTierOrSeveral() {
        ListingView.Text text = new ListingView.Text("zh-CN", "不锈钢电热水壶", "1.7 升，食品级不锈钢");
        String page = "https://caravan.example/products/x";
        for (List<JsonLd.Tier> tiers : List.of(List.of(new JsonLd.Tier(10, new BigDecimal("1.50"))),
                List.of(new JsonLd.Tier(10, new BigDecimal("1.50")), new JsonLd.Tier(100, new BigDecimal("1.20"))))) {
            String json = JsonLd.product(listing(text, "Lianhua"), text, page, "https://caravan.example/suppliers/y",
                    List.of("https://caravan.example/media/z"), tiers);

            StructuredData.Node product = StructuredData.validate(json, page).getFirst();

            assertThat(product.types()).containsExactly(StructuredData.SCHEMA + "Product");
            assertThat(product.text("url")).isEqualTo(page);
            assertThat(product.text("image")).isEqualTo("https://caravan.example/media/z");
            assertThat(product.node("brand").types()).containsExactly(StructuredData.SCHEMA + "Organization");
            assertThat(product.node("offers").types()).containsExactly(StructuredData.SCHEMA
                    + (tiers.size() == 1 ? "Offer" : "AggregateOffer"));
        }
    }

    @Test
    void organizationsValidateAsSchemaOrg() {
        var facts = new OrganizationFacts(new OrganizationSummary(new OrganizationId(UUID.randomUUID()),
                "Lianhua Export Co., Ltd.", new CountryCode("CN"), TradeRole.EXPORTER, "https://lianhua.example"),
                Instant.EPOCH, false, List.of());
        String json = JsonLd.organization(facts, "https://caravan.example/suppliers/y");

        StructuredData.Node organization = StructuredData.validate(json, "https://caravan.example/suppliers/y").getFirst();

        assertThat(organization.types()).containsExactly(StructuredData.SCHEMA + "Organization");
        assertThat(organization.text("sameAs")).isEqualTo("https://lianhua.example");
    }

    private static ListingView listing(ListingView.Text text, String supplierName) {
        return new ListingView(new ProductId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()), supplierName,
                new CountryCode("CN"), "851671", "85", "XVI", "en", List.of(text), List.of(), UnitOfMeasure.C62,
                new PriceTiers(new CurrencyCode("USD"), List.of(new PriceTiers.Tier(10, 150))), 7,
                new CountryCode("CN"), null, List.of(), null, List.of(), Instant.EPOCH, Instant.EPOCH, 1);
    }
}
