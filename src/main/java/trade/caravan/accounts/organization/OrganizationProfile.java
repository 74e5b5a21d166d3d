package trade.caravan.accounts.organization;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.TradeRole;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CountryCode;

/**
 * What an organization tells the world about itself. Validated on construction: a legal name of
 * 2 to 200 characters, a country code, an optional registration/tax number of safe characters, an
 * optional http(s) website. That the country exists is checked against the reference data by
 * {@link CountryCheck} where a profile is saved.
 */
public record OrganizationProfile(String legalName, CountryCode country, TradeRole tradeRole,
        @Nullable String registrationNumber, @Nullable String website) {

    public OrganizationProfile {
        legalName = legalName == null ? "" : legalName.strip();
        if (legalName.length() < 2 || legalName.length() > 200 || legalName.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.legal-name");
        }
        if (tradeRole == null) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.trade-role");
        }
        if (country == null) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.country");
        }
        registrationNumber = blankToNull(registrationNumber);
        if (registrationNumber != null && !registrationNumber.matches("[\\p{L}\\p{N} ./-]{2,50}")) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.registration-number");
        }
        website = blankToNull(website);
        if (website != null) {
            website = normalizeWebsite(website);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String normalizeWebsite(String website) {
        String candidate = website.contains("://") ? website : "https://" + website;
        try {
            URI uri = new URI(candidate);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || candidate.length() > 200 || uri.getUserInfo() != null) {
                throw new DomainException(DomainException.Kind.INVALID, "error.organization.website");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.website");
        }
    }
}
