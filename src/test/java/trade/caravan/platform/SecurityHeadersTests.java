package trade.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import trade.caravan.support.IntegrationTest;

@IntegrationTest
class SecurityHeadersTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/login", "/signup", "/api/v1/members", "/no-such-page", "/api/v1/nothing-here")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            String csp = response.getHeader("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'");
            assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.getHeader("X-Request-Id")).isNotBlank();
            assertThat(response.getHeader("Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
        }
    }

    @Test
    void hstsOverTls() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
        assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void pagesHaveNoInlineScriptsOrStyles() throws Exception {
        for (String path : List.of("/", "/login", "/signup", "/password-reset")) {
            String page = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                    .doesNotContain(" style=\"", "<style", "onclick=", "onload=", "javascript:");
        }
    }

    @Test
    void formsCarryACsrfToken() throws Exception {
        String page = mvc.perform(get("/signup")).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }
}
