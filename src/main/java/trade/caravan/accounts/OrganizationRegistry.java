package trade.caravan.accounts;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * Registers organizations for system work, such as generated benchmark catalogs and imports:
 * an organization without members, so nobody can sign in to it until the operator invites
 * someone. The caller runs as system.
 */
public interface OrganizationRegistry {

    /** Checks the profile as sign-up does (name, known country, website) and returns the new organization. */
    OrganizationId registerWithoutMembers(String legalName, CountryCode country, TradeRole tradeRole,
            @Nullable String website);
}
