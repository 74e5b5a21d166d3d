package trade.caravan.accounts;

import java.util.List;
import java.util.Optional;

import trade.caravan.shared.OrganizationId;

/** Public facts about organizations, for any module that shows who a party is. */
public interface OrganizationDirectory {

    Optional<OrganizationSummary> find(OrganizationId id);

    /** Several at once (one query), by id; ids of no organization are left out. */
    java.util.Map<OrganizationId, OrganizationSummary> findAll(java.util.Collection<OrganizationId> ids);

    /** The public face and what the platform has verified about it (a storefront shows these). */
    Optional<OrganizationFacts> facts(OrganizationId id);

    /** The registration number the organization stated (not checked), if any: a contract names its parties so. */
    Optional<String> registrationNumber(OrganizationId id);

    /** The postal address the organization gave (lines separated by newlines), if any: a contract names its parties so. */
    Optional<String> postalAddress(OrganizationId id);

    /** Organizations that sell abroad (trade role EXPORTER or BOTH), longest registered first. */
    List<OrganizationSummary> suppliers(int limit);

    /** Organizations that buy abroad (trade role IMPORTER or BOTH), longest registered first. */
    List<OrganizationSummary> buyers(int limit);

    /**
     * The organization's enabled members whose role grants {@code permission} and whose e-mail
     * address is verified, for notifications about the organization's business.
     */
    List<MemberContact> contacts(OrganizationId id, Permission permission);
}
