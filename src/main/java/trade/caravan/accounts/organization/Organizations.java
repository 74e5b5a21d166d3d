package trade.caravan.accounts.organization;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import trade.caravan.accounts.TradeRole;

/**
 * Organizations are looked up by the current tenant's id, or listed as the public directory's
 * suppliers; see {@link OrganizationSettings}.
 */
interface Organizations extends JpaRepository<Organization, UUID> {

    /** The public directory's list of suppliers (see {@link OrganizationSettings#suppliers}). */
    List<Organization> findByTradeRoleInOrderByCreatedAtAscIdAsc(Collection<TradeRole> roles, Limit limit);
}
