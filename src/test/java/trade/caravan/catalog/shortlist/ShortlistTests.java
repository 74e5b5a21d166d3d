package trade.caravan.catalog.shortlist;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.catalog.product.ProductView;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestProducts;

@IntegrationTest
class ShortlistTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProductManagement products;
    @Autowired
    Tenancy tenancy;

    @Test
    void aBuyersShortlistIsSharedByItsMembersAndNobodyElse() throws Exception {
        var supplier = accounts.organization();
        ProductView published = tenancy.callAs(supplier.id(), () -> {
            ProductView draft = products.create(supplier.owner().principal(), TestProducts.kettle());
            return products.publish(supplier.owner().principal(), draft.id());
        });
        ProductView draft = tenancy.callAs(supplier.id(),
                () -> products.create(supplier.owner().principal(), TestProducts.kettle()));
        var buyer = accounts.organization(Role.TRADER, Role.VIEWER);
        var other = accounts.organization();

        mvc.perform(put("/api/v1/shortlist/" + published.id()).with(csrf())
                .with(authentication(buyer.member(Role.TRADER).authentication()))).andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/shortlist/" + published.id()).with(csrf())
                .with(authentication(buyer.member(Role.TRADER).authentication()))).andExpect(status().isNoContent());
        // a draft is not public: it cannot be shortlisted, and says so as for an unknown product
        mvc.perform(put("/api/v1/shortlist/" + draft.id()).with(csrf())
                .with(authentication(buyer.member(Role.TRADER).authentication()))).andExpect(status().isNotFound());
        // viewers read the shared list but do not change it
        mvc.perform(get("/api/v1/shortlist").with(authentication(buyer.member(Role.VIEWER).authentication())))
                .andExpect(jsonPath("$.items[*].productId", Matchers.contains(published.id().toString())))
                .andExpect(jsonPath("$.items[0].available").value(true))
                .andExpect(jsonPath("$.items[0].title").value("Electric kettle 1.7 l"));
        mvc.perform(delete("/api/v1/shortlist/" + published.id()).with(csrf())
                .with(authentication(buyer.member(Role.VIEWER).authentication()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/shortlist").with(authentication(other.owner().authentication())))
                .andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/catalog/shortlist").with(authentication(buyer.member(Role.VIEWER).authentication())))
                .andExpect(status().isOk());

        tenancy.runAs(supplier.id(), () -> products.withdraw(supplier.owner().principal(), published.id()));
        mvc.perform(get("/api/v1/shortlist").with(authentication(buyer.owner().authentication())))
                .andExpect(jsonPath("$.items[0].available").value(false));
        mvc.perform(delete("/api/v1/shortlist/" + published.id()).with(csrf())
                .with(authentication(buyer.member(Role.TRADER).authentication()))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/shortlist").with(authentication(buyer.owner().authentication())))
                .andExpect(jsonPath("$.items").isEmpty());
    }
}
