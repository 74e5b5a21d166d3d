package trade.caravan.accounts.organization;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.TradeRole;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CountryCode;

/**
 * What an organization tells the world about itself. Validated on construction: a legal name of
 * 2 to 200 characters, a real ISO 3166 country, an optional registration/tax number of safe
 * characters, an optional http(s) website.
 */
public record OrganizationProfile(String legalName, CountryCode country, TradeRole tradeRole,
        @Nullable String registrationNumber, @Nullable String website) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public OrganizationProfile {
        legalName = legalName == null ? "" : legalName.strip();
        if (legalName.length() < 2 || legalName.length() > 200 || legalName.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.legal-name");
        }
        if (tradeRole == null) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.trade-role");
        }
        if (country == null || !ISO_COUNTRIES.contains(country.value())) {
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
