package trade.caravan.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;

/** The directory's suppliers, and organizations registered by the system without members. */
@IntegrationTest
class OrganizationDirectoryTests {

    @Autowired
    OrganizationDirectory directory;
    @Autowired
    OrganizationRegistry registry;
    @Autowired
    Tenancy tenancy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void suppliersAreTheOrganizationsThatExport() {
        OrganizationId exporter = register("Directory Exporter Ltd.", TradeRole.EXPORTER);
        OrganizationId importer = register("Directory Importer GmbH", TradeRole.IMPORTER);
        OrganizationId both = register("Directory Trading Co.", TradeRole.BOTH);

        List<OrganizationSummary> suppliers = directory.suppliers(10_000);
        assertThat(suppliers).extracting(OrganizationSummary::id).contains(exporter, both).doesNotContain(importer);
        assertThat(suppliers).allSatisfy(s -> assertThat(s.tradeRole()).isNotEqualTo(TradeRole.IMPORTER));
        assertThat(suppliers.indexOf(directory.find(exporter).orElseThrow()))
                .isLessThan(suppliers.indexOf(directory.find(both).orElseThrow()));
        assertThat(directory.suppliers(1)).hasSize(1).containsExactly(suppliers.getFirst());
    }

    @Test
    void anOrganizationRegisteredBySystemHasNoMembersAndAValidProfile() {
        OrganizationId id = register("Registry Test Sdn. Bhd.", TradeRole.EXPORTER);
        OrganizationSummary summary = directory.find(id).orElseThrow();
        assertThat(summary.legalName()).isEqualTo("Registry Test Sdn. Bhd.");
        assertThat(summary.country()).isEqualTo(new CountryCode("MY"));
        assertThat(summary.website()).isEqualTo("https://registry.example");
        assertThat(jdbc.sql("select count(*) from accounts.memberships where organization_id = ?").param(id.value())
                .query(Long.class).single()).isZero();

        assertThatThrownBy(() -> tenancy.callAsSystem(() -> registry.registerWithoutMembers("Nowhere Ltd.",
                new CountryCode("ZZ"), TradeRole.EXPORTER, null)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageCode())
                .isEqualTo("error.organization.country");
        assertThatThrownBy(() -> tenancy.callAsSystem(() -> registry.registerWithoutMembers("X",
                new CountryCode("MY"), TradeRole.EXPORTER, null)))
                .isInstanceOf(DomainException.class);
    }

    private OrganizationId register(String name, TradeRole role) {
        return tenancy.callAsSystem(() -> registry.registerWithoutMembers(name, new CountryCode("MY"), role,
                "registry.example"));
    }
}
