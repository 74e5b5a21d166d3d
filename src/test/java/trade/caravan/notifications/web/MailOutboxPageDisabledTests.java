package trade.caravan.notifications.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "caravan.mail.outbox-page.enabled=false")
@AutoConfigureMockMvc
class MailOutboxPageDisabledTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aDisabledOutboxPageIsNotFoundEvenForTheOperator() throws Exception {
        mvc.perform(get("/operator/outbox")).andExpect(status().isNotFound());
        mvc.perform(get("/operator/outbox/{id}", "0190b1e2-0000-7000-8000-000000000001")).andExpect(status().isNotFound());
    }
}
