package trade.caravan.accounts;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/** The public face of an organization. */
public record OrganizationSummary(OrganizationId id, String legalName, CountryCode country, TradeRole tradeRole,
        @Nullable String website) {
}
