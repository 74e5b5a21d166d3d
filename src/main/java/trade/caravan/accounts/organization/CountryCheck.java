package trade.caravan.accounts.organization;

import org.springframework.stereotype.Component;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.Countries;

/** An organization's country must be one of ISO 3166's, as the bundled reference data lists them. */
@Component
class CountryCheck {

    private final Countries countries;

    CountryCheck(Countries countries) {
        this.countries = countries;
    }

    OrganizationProfile checked(OrganizationProfile profile) {
        if (!countries.exists(profile.country())) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.country");
        }
        return profile;
    }
}
