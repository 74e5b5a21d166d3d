package trade.caravan.accounts;

import java.util.List;
import java.util.Optional;

import trade.caravan.shared.OrganizationId;

/** Public facts about organizations, for any module that shows who a party is. */
public interface OrganizationDirectory {

    Optional<OrganizationSummary> find(OrganizationId id);

    /** Organizations that sell abroad (trade role EXPORTER or BOTH), longest registered first. */
    List<OrganizationSummary> suppliers(int limit);
}
