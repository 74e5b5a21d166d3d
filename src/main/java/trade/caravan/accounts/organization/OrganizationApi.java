package trade.caravan.accounts.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.TradeRole;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.RateLimits;
import trade.caravan.shared.CountryCode;

/** The organization over the API: register one, read and update the caller's own. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organization", description = "Sign-up and the caller's organization profile")
class OrganizationApi {

    private final SignUp signUp;
    private final OrganizationSettings settings;
    private final RateLimits rateLimits;
    private final SignUpSettings signUpSettings;

    OrganizationApi(SignUp signUp, OrganizationSettings settings, RateLimits rateLimits, SignUpSettings signUpSettings) {
        this.signUp = signUp;
        this.settings = settings;
        this.rateLimits = rateLimits;
        this.signUpSettings = signUpSettings;
    }

    record SignUpRequest(@NotBlank @Size(max = 200) String legalName, @NotBlank @Size(min = 2, max = 2) String country,
            @NotNull TradeRole tradeRole, @Nullable @Size(max = 50) String registrationNumber,
            @Nullable @Size(max = 200) String website, @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record SignUpAccepted(String email, String next) {
    }

    record OrganizationResource(UUID id, String legalName, String country, TradeRole tradeRole,
            @Nullable String registrationNumber, @Nullable String website, @Nullable String postalAddress,
            Instant createdAt, long version) {

        static OrganizationResource of(OrganizationView view) {
            OrganizationProfile p = view.profile();
            return new OrganizationResource(view.id().value(), p.legalName(), p.country().value(), p.tradeRole(),
                    p.registrationNumber(), p.website(), p.postalAddress(), view.createdAt(), view.version());
        }
    }

    record OrganizationUpdate(@NotBlank @Size(max = 200) String legalName, @NotBlank @Size(min = 2, max = 2) String country,
            @NotNull TradeRole tradeRole, @Nullable @Size(max = 50) String registrationNumber,
            @Nullable @Size(max = 200) String website, @Nullable @Size(max = 400) String postalAddress, long version) {
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Register an organization and its first user (OWNER)",
            description = "Answers 202 whether or not the e-mail address already has an account; the address "
                    + "receives either a verification link or a note that it is registered.")
    SignUpAccepted register(@Valid @RequestBody SignUpRequest request, HttpServletRequest http, Locale locale) {
        rateLimits.consume("sign-up", http.getRemoteAddr(), signUpSettings.perAddressPerHour(), Duration.ofHours(1));
        var profile = new OrganizationProfile(request.legalName(), countryCode(request.country()), request.tradeRole(),
                request.registrationNumber(), request.website());
        SignUp.Registration registration = signUp.register(profile, request.email(), request.displayName(),
                request.password(), locale);
        return new SignUpAccepted(registration.email(), "verify-email");
    }

    @GetMapping("/organization")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "The caller's organization")
    OrganizationResource current() {
        return OrganizationResource.of(settings.current());
    }

    @PutMapping("/organization")
    @PreAuthorize("hasAuthority('organization:edit')")
    @Operation(summary = "Update the caller's organization profile",
            description = "Send the version you read; a newer version on the server answers 409.")
    OrganizationResource update(@AuthenticationPrincipal Actor actor, @Valid @RequestBody OrganizationUpdate update) {
        var profile = new OrganizationProfile(update.legalName(), countryCode(update.country()), update.tradeRole(),
                update.registrationNumber(), update.website(), update.postalAddress());
        return OrganizationResource.of(settings.update(actor, profile, update.version()));
    }

    private static CountryCode countryCode(String code) {
        try {
            return CountryCode.of(code);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "error.organization.country");
        }
    }
}
