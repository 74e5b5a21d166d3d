package trade.caravan.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code /actuator/auditchain}: the operator's view of the chain, and nobody else's. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditChainEndpointTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    AuditTables tables;

    @BeforeEach
    void threeEntries() {
        tables = new AuditTables(jdbc, transactions);
        tables.reset();
        for (int i = 0; i < 3; i++) {
            trail.record(new AuditEvent(AuditAction.SIGNED_OUT, null, null, "user" + i, null, Map.of(), null));
        }
    }

    @AfterEach
    void leaveAnEmptyTrail() {
        tables.reset();
    }

    @Test
    void theOperatorSeesAnIntactChainAndItsHead() throws Exception {
        String head = jdbc.queryForObject("select hash from audit.head", String.class);
        mvc.perform(get("/actuator/auditchain"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entriesChecked").value(3))
                .andExpect(jsonPath("$.headSequence").value(3))
                .andExpect(jsonPath("$.headHash").value(head));
    }

    @Test
    void theOperatorSeesWhereTheChainBreaks() throws Exception {
        tables.tamper("update audit.entries set actor_label = 'someone else' where sequence = 2");
        mvc.perform(get("/actuator/auditchain"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenSequence").value(2));
    }

    @Test
    void anyoneElseIsRefused() throws Exception {
        mvc.perform(get("/actuator/auditchain").with(request -> {
            request.setRemoteAddr("203.0.113.9");
            return request;
        })).andExpect(status().isForbidden());
    }
}
