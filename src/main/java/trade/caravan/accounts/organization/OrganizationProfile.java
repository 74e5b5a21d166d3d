package trade.caravan.accounts.organization;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

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
        @Nullable String registrationNumber, @Nullable String website, @Nullable String postalAddress) {

    /** Lines of the postal address, and characters in all. */
    static final int ADDRESS_LINES = 6;
    static final int ADDRESS_CHARACTERS = 300;

    /** A profile without a postal address. */
    public OrganizationProfile(String legalName, CountryCode country, TradeRole tradeRole,
            @Nullable String registrationNumber, @Nullable String website) {
        this(legalName, country, tradeRole, registrationNumber, website, null);
    }

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
        postalAddress = normalizeAddress(postalAddress);
    }

    /** Lines stripped, blank lines dropped, line ends as \n; no other control characters. */
    private static @Nullable String normalizeAddress(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        List<String> lines = address.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String joined = String.join("\n", lines);
        if (lines.size() > ADDRESS_LINES || joined.length() > ADDRESS_CHARACTERS
                || lines.stream().anyMatch(line -> line.chars().anyMatch(Character::isISOControl))) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.postal-address");
        }
        return joined;
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
