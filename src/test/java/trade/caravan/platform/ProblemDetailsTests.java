package trade.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

@IntegrationTest
class ProblemDetailsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    @Test
    void invalidFieldsAreListedOneByOneInTheCallersLanguage() throws Exception {
        var owner = accounts.organization().owner();
        mvc.perform(post("/api/v1/invitations").with(authentication(owner.authentication())).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"\",\"role\":null}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("请求错误"))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("email", "role")))
                .andExpect(jsonPath("$.errors[*].message", Matchers.everyItem(Matchers.is("必填。"))));
    }

    @Test
    void domainRefusalsAreProblemsWithACode() throws Exception {
        var owner = accounts.organization().owner();
        mvc.perform(post("/api/v1/invitations").with(authentication(owner.authentication())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not an address\",\"role\":\"VIEWER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.email.invalid"))
                .andExpect(jsonPath("$.detail").value("Enter a valid e-mail address."))
                .andExpect(jsonPath("$.type").value(Matchers.startsWith("https://caravan.trade/problems/")));
    }

    @Test
    void unreadableBodiesAndUnknownPathsAreProblemsWithoutInternals() throws Exception {
        var owner = accounts.organization().owner();
        String body = mvc.perform(post("/api/v1/invitations").with(authentication(owner.authentication())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\": [1,2,"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.unreadable-body"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Exception", "jackson", "at trade.");
        mvc.perform(get("/api/v1/does-not-exist").with(authentication(owner.authentication())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void pagesShowAFriendlyTranslatedErrorPage() throws Exception {
        var owner = accounts.organization().owner();
        mvc.perform(get("/no-such-page").with(authentication(owner.authentication())).header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("未找到")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Whitelabel"))));
    }

    @Test
    void badCursorsAndLimitsAreRefusedClearly() throws Exception {
        var owner = accounts.organization().owner();
        mvc.perform(get("/api/v1/members").param("cursor", "%%%").with(authentication(owner.authentication())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("error.cursor.invalid"));
        mvc.perform(get("/api/v1/members").param("limit", "1000").with(authentication(owner.authentication())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The page size must be between 1 and 100."));
    }
}
