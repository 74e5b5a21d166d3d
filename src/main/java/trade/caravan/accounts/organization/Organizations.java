package trade.caravan.accounts.organization;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Organizations are looked up by the current tenant's id only; see {@link OrganizationSettings}. */
interface Organizations extends JpaRepository<Organization, UUID> {
}
