package trade.caravan.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.accounts.token.TokenScope;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class ProductsApiTests {

    private static final String KETTLE = """
            {"hsCode":"8516.71","defaultLocale":"en",
             "texts":[{"locale":"en","title":"Electric kettle 1.7 l","description":"Stainless steel."},
                      {"locale":"zh-CN","title":"电热水壶 1.7 升"}],
             "specifications":[{"name":"Power","value":"2200 W"}],
             "unit":"C62","minimumOrderQuantity":500,"currency":"USD",
             "tiers":[{"minQuantity":500,"unitPriceMinor":1240},{"minQuantity":2000,"unitPriceMinor":1190}],
             "leadTimeDays":30,"origin":"CN","portOfLoading":"CNSZX",
             "certifications":[{"kind":"CE"}],
             "packaging":{"unitsPerCarton":6,"lengthMm":400,"widthMm":300,"heightMm":250,"grossWeightGrams":7200}}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TokenManagement tokens;
    @Autowired
    Tenancy tenancy;

    private String tradeToken(TestAccounts.Organization organization) {
        return tenancy.callAs(organization.id(), () -> tokens.create(organization.owner().principal(), "ERP",
                EnumSet.of(TokenScope.TRADE), 7).value());
    }

    @Test
    void anErpCreatesRevisesAndPublishesThroughTheApi() throws Exception {
        var supplier = accounts.organization();
        String token = "Bearer " + tradeToken(supplier);
        String created = mvc.perform(post("/api/v1/products").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(KETTLE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.details.texts[1].locale").value("zh-CN"))
                .andReturn().getResponse().getContentAsString();
        String id = created.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        String version = created.replaceAll("(?s).*\"version\":([0-9]+).*", "$1");

        mvc.perform(put("/api/v1/products/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"details\":" + KETTLE.replace("\"leadTimeDays\":30", "\"leadTimeDays\":21") + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.leadTimeDays").value(21));
        mvc.perform(put("/api/v1/products/" + id).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + version + ",\"details\":" + KETTLE + "}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/products/" + id + "/publish").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/products").param("status", "PUBLISHED").header("Authorization", token))
                .andExpect(jsonPath("$.items[*].id", Matchers.hasItem(id)));
    }

    @Test
    void everyInvalidFieldIsListed() throws Exception {
        var supplier = accounts.organization();
        mvc.perform(post("/api/v1/products").header("Authorization", "Bearer " + tradeToken(supplier))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(KETTLE.replace("\"CN\"", "\"XX\"")
                                .replace("\"unitPriceMinor\":1190", "\"unitPriceMinor\":1300")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("tiers[1].unitPrice")))
                .andExpect(jsonPath("$.errors[*].message", Matchers.hasItem("数量更大时单价不能更高。")));
    }

    @Test
    void anotherSuppliersTokenFindsNothing() throws Exception {
        var a = accounts.organization();
        var b = accounts.organization();
        String created = mvc.perform(post("/api/v1/products").header("Authorization", "Bearer " + tradeToken(a))
                .contentType(MediaType.APPLICATION_JSON).content(KETTLE)).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        String bToken = "Bearer " + tradeToken(b);
        mvc.perform(get("/api/v1/products/" + id).header("Authorization", bToken)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/products/" + id).header("Authorization", bToken).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0,\"details\":" + KETTLE + "}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/products/" + id + "/publish").header("Authorization", bToken))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/products").header("Authorization", bToken))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(id);
    }
}
