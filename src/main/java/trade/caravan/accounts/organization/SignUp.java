package trade.caravan.accounts.organization;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import trade.caravan.accounts.OrganizationRegistry;
import trade.caravan.accounts.TradeRole;
import trade.caravan.accounts.identity.UserAccounts;
import trade.caravan.accounts.identity.UserView;
import trade.caravan.accounts.membership.MemberManagement;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * Registering an organization: the organization, its first user (who becomes OWNER) and the
 * e-mail verification link, all in one transaction in the new organization's tenant scope.
 * An address that already has an account gets an e-mail saying so, and the caller gets the same
 * answer as for a new registration: the form never reveals who is registered.
 */
@Service
public class SignUp implements OrganizationRegistry {

    private final Organizations organizations;
    private final UserAccounts users;
    private final MemberManagement members;
    private final SecurityEvents events;
    private final Tenancy tenancy;
    private final CountryCheck countries;
    private final Clock clock;

    SignUp(Organizations organizations, UserAccounts users, MemberManagement members, SecurityEvents events,
            Tenancy tenancy, CountryCheck countries, Clock clock) {
        this.countries = countries;
        this.organizations = organizations;
        this.users = users;
        this.members = members;
        this.events = events;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The outcome as the caller may see it: the same whether the address was new or not. */
    public record Registration(String email) {
    }

    /**
     * Creates an organization with a verified owner and no e-mail, for seeding demo data; the
     * caller runs as system. Returns the new organization.
     */
    public OrganizationId registerVerified(OrganizationProfile profile, String email, String displayName,
            String password, Locale locale) {
        countries.checked(profile);
        var organization = new OrganizationId(UUID.randomUUID());
        tenancy.runAs(organization, () -> {
            organizations.save(new Organization(organization, profile, clock.instant()));
            UserView user = users.registerVerified(email, displayName, password, locale);
            members.addFounder(user.id());
        });
        return organization;
    }

    @Override
    public OrganizationId registerWithoutMembers(String legalName, CountryCode country, TradeRole tradeRole,
            @Nullable String website) {
        OrganizationProfile profile = countries.checked(new OrganizationProfile(legalName, country, tradeRole, null,
                website));
        var organization = new OrganizationId(UUID.randomUUID());
        tenancy.runAs(organization, () -> organizations.save(new Organization(organization, profile, clock.instant())));
        return organization;
    }

    public Registration register(OrganizationProfile profile, String email, String displayName, String password,
            Locale locale) {
        countries.checked(profile);
        String address = users.checkRegistration(email, displayName, password);
        if (users.exists(address)) {
            tenancy.runAsSystem(() -> users.notifyAlreadyRegistered(address, password, locale));
            return new Registration(address);
        }
        var organization = new OrganizationId(UUID.randomUUID());
        try {
            UserView owner = tenancy.callAs(organization, () -> {
                organizations.save(new Organization(organization, profile, clock.instant()));
                UserView user = users.register(email, displayName, password, locale);
                members.addFounder(user.id());
                events.record(AuditAction.SIGN_UP, organization, user.id(), user.email(), organization.toString(),
                        Map.of("country", profile.country().value(), "tradeRole", profile.tradeRole().name()));
                return user;
            });
            return new Registration(owner.email());
        } catch (DataIntegrityViolationException e) {
            // the same address registered concurrently: answer as for any taken address
            tenancy.runAsSystem(() -> users.notifyAlreadyRegistered(address, password, locale));
            return new Registration(address);
        } catch (DomainException e) {
            if ("error.email.taken".equals(e.messageCode())) {
                tenancy.runAsSystem(() -> users.notifyAlreadyRegistered(address, password, locale));
                return new Registration(address);
            }
            throw e;
        }
    }
}
