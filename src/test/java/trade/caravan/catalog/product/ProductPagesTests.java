package trade.caravan.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestProducts;

@IntegrationTest
class ProductPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProductManagement products;
    @Autowired
    PublicCatalog catalog;
    @Autowired
    Tenancy tenancy;

    private static MockHttpServletRequestBuilder kettleForm(String path) {
        return kettleForm(path, "8516.71", "500", "11.90");
    }

    private static MockHttpServletRequestBuilder kettleForm(String path, String hsCode, String moq, String secondPrice) {
        return post(path).with(csrf())
                .param("hsCode", hsCode)
                .param("texts[0].locale", "en").param("texts[0].title", "Electric kettle 1.7 l")
                .param("texts[0].description", "Stainless steel, 2200 W.")
                .param("texts[1].locale", "zh-CN").param("texts[1].title", "电热水壶 1.7 升")
                .param("texts[2].locale", "").param("texts[2].title", "")
                .param("defaultLocale", "en")
                .param("specifications[0].name", "Power").param("specifications[0].value", "2200 W")
                .param("unit", "C62").param("minimumOrderQuantity", moq).param("currency", "USD")
                .param("tiers[0].minQuantity", "500").param("tiers[0].unitPrice", "12.40")
                .param("tiers[1].minQuantity", "").param("tiers[1].unitPrice", "")
                .param("tiers[2].minQuantity", "2000").param("tiers[2].unitPrice", secondPrice)
                .param("leadTimeDays", "30").param("origin", "CN").param("portOfLoading", "CNSZX")
                .param("certifications", "CE", "ROHS")
                .param("version", "0");
    }

    @Test
    void aTraderCreatesChecksAndPublishesAProductFromTheForm() throws Exception {
        var supplier = accounts.organization(Role.TRADER);
        var trader = supplier.member(Role.TRADER);
        MvcResult created = mvc.perform(kettleForm("/catalog/products").with(authentication(trader.authentication())))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/catalog/products/");
        ProductId id = ProductId.of(location.substring("/catalog/products/".length()));

        ProductView product = tenancy.callAs(supplier.id(), () -> products.find(id));
        assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(product.details().tiers()).extracting(ProductDetails.PriceTier::unitPriceMinor).containsExactly(1240L, 1190L);
        assertThat(product.details().texts()).hasSize(2);

        mvc.perform(get(location).with(authentication(trader.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Electric kettle 1.7 l")));
        mvc.perform(post(location + "/publish").with(csrf()).with(authentication(trader.authentication())))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.find(id)).isPresent();
        mvc.perform(get("/catalog/products").with(authentication(trader.authentication())))
                .andExpect(content().string(containsString("Electric kettle 1.7 l")));
    }

    /**
     * The form's type-aheads: htmx sends what is typed under the field's own name, which is what
     * the suggestions read (they once read {@code q}, which no page sends, and offered nothing).
     */
    @Test
    void theTypeAheadsSuggestFromWhatIsTypedInTheFormsFields() throws Exception {
        var trader = accounts.organization(Role.TRADER).member(Role.TRADER);
        String form = mvc.perform(get("/catalog/products/new").with(authentication(trader.authentication())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"hsCode\"", "name=\"portOfLoading\"");

        mvc.perform(get("/catalog/products/suggest/hs").param("hsCode", "8516.7")
                        .header("HX-Request", "true").with(authentication(trader.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"851671\"")))
                .andExpect(content().string(containsString("<option value=\"851679\"")));
        mvc.perform(get("/catalog/products/suggest/ports").param("portOfLoading", "DEHAM")
                        .header("HX-Request", "true").with(authentication(trader.authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"DEHAM\"")));
    }

    @Test
    void badInputIsMarkedFieldByFieldInChineseAndNothingIsSaved() throws Exception {
        var supplier = accounts.organization();
        var owner = supplier.owner();
        mvc.perform(kettleForm("/catalog/products", "9999.99", "lots", "13.00")
                        .with(authentication(owner.authentication()))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("数量更大时单价不能更高")))
                .andExpect(content().string(containsString("不是有效的数字")))
                .andExpect(content().string(containsString("9999.99")));
        assertThat(tenancy.callAs(supplier.id(), () -> products.page(null, null, 10).items())).isEmpty();
    }

    @Test
    void viewersSeeTheProductsButCannotChangeThem() throws Exception {
        var supplier = accounts.organization(Role.VIEWER);
        var viewer = supplier.member(Role.VIEWER);
        mvc.perform(get("/catalog/products").with(authentication(viewer.authentication()))).andExpect(status().isOk());
        mvc.perform(get("/catalog/products/new").with(authentication(viewer.authentication()))).andExpect(status().isForbidden());
        mvc.perform(kettleForm("/catalog/products").with(authentication(viewer.authentication())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherSuppliersProductIsNotFoundOnEveryPage() throws Exception {
        var a = accounts.organization();
        var b = accounts.organization();
        ProductView product = tenancy.callAs(a.id(), () -> products.create(a.owner().principal(), TestProducts.kettle()));
        String path = "/catalog/products/" + product.id();
        for (MockHttpServletRequestBuilder request : java.util.List.of(get(path), kettleForm(path),
                post(path + "/publish").with(csrf()), post(path + "/withdraw").with(csrf()),
                post(path + "/archive").with(csrf()))) {
            String body = mvc.perform(request.with(authentication(b.owner().authentication())))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("Electric kettle");
        }
        assertThat(tenancy.callAs(a.id(), () -> products.find(product.id()).status())).isEqualTo(ProductStatus.DRAFT);
    }
}
