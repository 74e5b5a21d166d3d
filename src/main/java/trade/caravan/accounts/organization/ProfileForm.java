package trade.caravan.accounts.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.TradeRole;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CountryCode;

/** The profile form, with the version the member saw (optimistic locking). */
class ProfileForm {

    @NotBlank
    @Size(min = 2, max = 200)
    private String legalName = "";
    @NotBlank
    @Size(min = 2, max = 2)
    private String country = "";
    @NotNull
    private @Nullable TradeRole tradeRole;
    @Size(max = 50)
    private @Nullable String registrationNumber;
    @Size(max = 200)
    private @Nullable String website;
    @Size(max = 400)
    private @Nullable String postalAddress;
    private long version;

    static ProfileForm of(OrganizationView organization) {
        var form = new ProfileForm();
        form.legalName = organization.profile().legalName();
        form.country = organization.profile().country().value();
        form.tradeRole = organization.profile().tradeRole();
        form.registrationNumber = organization.profile().registrationNumber();
        form.website = organization.profile().website();
        form.postalAddress = organization.profile().postalAddress();
        form.version = organization.version();
        return form;
    }

    /** The validated profile; refusals name the field they concern. */
    OrganizationProfile toProfile() {
        CountryCode code;
        try {
            code = CountryCode.of(country);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.country");
        }
        return new OrganizationProfile(legalName, code, tradeRole, registrationNumber, website, postalAddress);
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public @Nullable TradeRole getTradeRole() {
        return tradeRole;
    }

    public void setTradeRole(@Nullable TradeRole tradeRole) {
        this.tradeRole = tradeRole;
    }

    public @Nullable String getRegistrationNumber() {
        return registrationNumber;
    }

    public void setRegistrationNumber(@Nullable String registrationNumber) {
        this.registrationNumber = registrationNumber;
    }

    public @Nullable String getWebsite() {
        return website;
    }

    public void setWebsite(@Nullable String website) {
        this.website = website;
    }

    public @Nullable String getPostalAddress() {
        return postalAddress;
    }

    public void setPostalAddress(@Nullable String postalAddress) {
        this.postalAddress = postalAddress;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
