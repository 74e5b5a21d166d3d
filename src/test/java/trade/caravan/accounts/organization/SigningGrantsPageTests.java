package trade.caravan.accounts.organization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.accounts.Role;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

/** Owners grant signing to traders or finance members on the organization page; nobody else can. */
@IntegrationTest
class SigningGrantsPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    @Test
    void ownersGrantSigningOnTheOrganizationPage() throws Exception {
        var organization = accounts.organization(Role.ADMIN, Role.TRADER);
        mvc.perform(get("/organization").with(authentication(organization.owner().authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Who signs contracts")))
                .andExpect(content().string(containsString("href=\"/organization/signing-certificate\"")))
                .andExpect(content().string(not(containsString("Also allowed to sign"))));
        mvc.perform(post("/organization/signing-roles").with(csrf())
                        .with(authentication(organization.member(Role.ADMIN).authentication())).param("roles", "FINANCE"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/organization/signing-roles").with(csrf())
                        .with(authentication(organization.owner().authentication())).param("roles", "FINANCE", "TRADER"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/organization").with(authentication(organization.member(Role.TRADER).authentication())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Also allowed to sign: Trader, Finance.")))
                .andExpect(content().string(not(containsString("action=\"/organization/signing-roles\""))));
        mvc.perform(post("/organization/signing-roles").with(csrf())
                        .with(authentication(organization.owner().authentication())).param("roles", "VIEWER"))
                .andExpect(status().isBadRequest());
    }
}
