package trade.caravan.catalog.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.accounts.Role;
import trade.caravan.accounts.TradeRole;
import trade.caravan.accounts.organization.OrganizationProfile;
import trade.caravan.accounts.organization.SignUp;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class StorefrontTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProductManagement products;
    @Autowired
    Tenancy tenancy;
    @Autowired
    SignUp signUp;

    Listed listed;

    @BeforeEach
    void listed() {
        listed = new Listed(products, tenancy);
    }

    @Test
    void aStorefrontShowsTheProfileWhatIsVerifiedItsCategoriesAndItsProducts() throws Exception {
        var supplier = accounts.organization();
        ProductId kettle = listed.published(supplier, Listed.kettle("Storefront kettle"));
        listed.published(supplier, Listed.englishOnly("Storefront coffee"));
        listed.draft(supplier, Listed.kettle("Unpublished draft kettle"));

        MockHttpServletResponse response = storefront(supplier.id(), "en");
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        String base = "http://localhost:8080/suppliers/" + supplier.id();
        assertThat(page).contains("<h1>" + supplier.name() + "</h1>", "Germany", "Both",
                "An owner of this organization confirmed an e-mail address at test.example",
                "Registration number", "Not given.", "are stated by the supplier",
                "HS chapter 09", "HS chapter 85", "Storefront kettle", "Storefront coffee",
                "href=\"/products/" + kettle + "\"", "Minimum order 500 piece",
                "<link rel=\"canonical\" href=\"" + base + "\">",
                "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"" + base + "?lang=zh-CN\">",
                "<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base + "\">",
                "<meta property=\"og:title\" content=\"" + supplier.name() + "\">");
        assertThat(page).doesNotContain("Unpublished draft kettle", "_csrf", "owner-");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("max-age=60, public");
        assertThat(response.getHeader("ETag")).isNotBlank();

        JsonNode organization = JSON.readTree(ProductPageTests.jsonLdText(page));
        assertThat(organization.get("@type").asString()).isEqualTo("Organization");
        assertThat(organization.get("name").asString()).isEqualTo(supplier.name());
        assertThat(organization.get("address").get("addressCountry").asString()).isEqualTo("DE");
        assertThat(organization.get("url").asString()).isEqualTo(base);

        assertThat(storefront(supplier.id(), "zh-CN").getContentAsString())
                .contains("电热水壶 1.7 升", "Caravan 已核实的信息", "德国");
    }

    @Test
    void aNewProductAppearsOnTheStorefrontAtOnce() throws Exception {
        var supplier = accounts.organization();
        listed.published(supplier, Listed.kettle("First kettle"));
        assertThat(storefront(supplier.id(), "en").getContentAsString()).contains("First kettle");
        ProductId second = listed.published(supplier, Listed.englishOnly("Second coffee"));
        assertThat(storefront(supplier.id(), "en").getContentAsString()).contains("First kettle", "Second coffee");
        listed.withdraw(supplier, second);
        assertThat(storefront(supplier.id(), "en").getContentAsString()).doesNotContain("Second coffee");
    }

    @Test
    void aSupplierWithoutPublishedProductsStillHasAStorefront() throws Exception {
        var supplier = accounts.organization();
        listed.draft(supplier, Listed.kettle("Only a draft"));
        MockHttpServletResponse response = storefront(supplier.id(), "en");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("This supplier has no published products yet.")
                .doesNotContain("Only a draft", "Product categories");
    }

    @Test
    void unknownIdsAndImportersWithoutListingsHaveNoStorefront() throws Exception {
        OrganizationId importer = tenancy.callAsSystem(() -> signUp.registerVerified(
                new OrganizationProfile("Pure Importer GmbH", new CountryCode("DE"), TradeRole.IMPORTER, "HRB 1", null),
                "buyer-" + UUID.randomUUID() + "@importer.example", "Buyer", TestAccounts.PASSWORD, Locale.ENGLISH));
        assertThat(storefront(importer, "en").getStatus()).isEqualTo(404);
        assertThat(storefront(new OrganizationId(UUID.randomUUID()), "en").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/suppliers/nonsense")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theApiServesStorefrontsAndListingsWithoutCredentials() throws Exception {
        var supplier = accounts.organization(Role.TRADER);
        ProductId kettle = listed.published(supplier, Listed.kettle("API kettle"));
        ProductId draft = listed.draft(supplier, Listed.kettle("API draft"));

        JsonNode storefront = json("/api/v1/storefronts/" + supplier.id());
        assertThat(storefront.get("legalName").asString()).isEqualTo(supplier.name());
        assertThat(storefront.get("listings").asLong()).isEqualTo(1);
        assertThat(storefront.get("verifiedOwnerEmailDomains").get(0).asString()).isEqualTo("test.example");
        assertThat(storefront.get("categories").get(0).get("hsChapter").asString()).isEqualTo("85");

        JsonNode listings = json("/api/v1/storefronts/" + supplier.id() + "/listings?limit=10");
        assertThat(listings.get("items")).hasSize(1);
        assertThat(listings.get("items").get(0).get("title").asString()).isEqualTo("API kettle");

        JsonNode listing = json("/api/v1/listings/" + kettle);
        assertThat(listing.get("hsCode").asString()).isEqualTo("8516.71");
        assertThat(listing.get("texts")).hasSize(2);
        assertThat(listing.get("tiers").get(0).get("unitPriceMinor").asLong()).isEqualTo(1240);
        assertThat(listing.get("tiers").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("12.40");
        assertThat(listing.get("supplier").get("id").asString()).isEqualTo(supplier.id().toString());

        for (String path : List.of("/api/v1/listings/" + draft, "/api/v1/listings/" + UUID.randomUUID(),
                "/api/v1/storefronts/" + UUID.randomUUID(), "/api/v1/storefronts/" + UUID.randomUUID() + "/listings")) {
            MockHttpServletResponse missing = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(missing.getStatus()).as(path).isEqualTo(404);
            assertThat(missing.getContentType()).as(path).startsWith("application/problem+json");
        }
        String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/v1/storefronts/{organizationId}", "/api/v1/storefronts/{organizationId}/listings",
                "/api/v1/listings/{productId}");
    }

    private JsonNode json(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse storefront(OrganizationId id, String language) throws Exception {
        return mvc.perform(get("/suppliers/" + id).header("Accept-Language", language)).andReturn().getResponse();
    }
}
