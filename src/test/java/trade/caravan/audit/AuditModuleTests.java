package trade.caravan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;

import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;

/**
 * The audit module on its own (with the platform it depends on, no accounts, no web): a module
 * that can run alone keeps its boundary in practice, not only in the dependency graph.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class AuditModuleTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ApplicationContext context;

    @Test
    void bootsWithoutTheModulesAboveIt() {
        assertThat(context.getBeanNamesForType(AuditTrail.class)).hasSize(1);
        assertThat(context.containsBean("memberManagement")).isFalse();
        assertThat(context.getBeanNamesForType(trade.caravan.platform.PublicPaths.class)).isNotEmpty();
    }

    @Test
    void appendsReadsAndVerifiesOnItsOwn() {
        var organization = new OrganizationId(UUID.randomUUID());
        AuditEntry entry = trail.record(new AuditEvent(AuditAction.API_TOKEN_CREATED, organization, null,
                "token: module test", "subject", Map.of("k", "v"), "192.0.2.1"));
        assertThat(entry.hash()).hasSize(64);
        assertThat(tenancy.callAs(organization, () -> trail.entriesOfCurrentOrganization(null, 10).items()))
                .extracting(AuditEntry::sequence).containsExactly(entry.sequence());
        assertThat(trail.verify().intact()).isTrue();
    }
}
