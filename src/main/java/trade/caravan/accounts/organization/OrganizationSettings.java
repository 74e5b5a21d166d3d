package trade.caravan.accounts.organization;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationFacts;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.MemberContact;
import trade.caravan.accounts.Permission;
import trade.caravan.accounts.Role;
import trade.caravan.accounts.TradeRole;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;

/**
 * The current organization's profile. Reads and writes take the organization from the tenant
 * scope, never from the request, so no id a client sends can reach another organization.
 */
@Service
public class OrganizationSettings implements OrganizationDirectory {

    private final Organizations organizations;
    private final Tenancy tenancy;
    private final SecurityEvents events;
    private final CountryCheck countries;
    private final JdbcClient jdbc;

    OrganizationSettings(Organizations organizations, Tenancy tenancy, SecurityEvents events, CountryCheck countries,
            JdbcClient jdbc) {
        this.organizations = organizations;
        this.tenancy = tenancy;
        this.events = events;
        this.countries = countries;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public OrganizationView current() {
        Organization organization = organizations.findById(tenancy.requireOrganization().value())
                .orElseThrow(DomainException::notFound);
        return OrganizationView.of(organization);
    }

    @Transactional
    public OrganizationView update(Actor actor, OrganizationProfile profile, long expectedVersion) {
        if (!actor.can(Permission.ORGANIZATION_EDIT)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        Organization organization = organizations.findById(tenancy.requireOrganization().value())
                .orElseThrow(DomainException::notFound);
        if (organization.version() != expectedVersion) {
            throw new DomainException(DomainException.Kind.CONFLICT, "error.concurrent-change");
        }
        OrganizationProfile before = organization.profile();
        organization.update(countries.checked(profile));
        organizations.flush();
        events.record(AuditAction.ORGANIZATION_UPDATED, actor.organizationId(), actor.userId(), actor.label(),
                actor.organizationId().toString(), changes(before, profile));
        return OrganizationView.of(organization);
    }

    /** Public facts about any organization (names of parties are not secret between them). */
    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> find(OrganizationId id) {
        return organizations.findById(id.value()).map(OrganizationSettings::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<OrganizationId, OrganizationSummary> findAll(java.util.Collection<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return organizations.findAllById(ids.stream().map(OrganizationId::value).distinct().toList()).stream()
                .map(OrganizationSettings::summary)
                .collect(java.util.stream.Collectors.toMap(OrganizationSummary::id, s -> s));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> registrationNumber(OrganizationId id) {
        return organizations.findById(id.value()).map(Organization::profile)
                .map(OrganizationProfile::registrationNumber).filter(number -> !number.isBlank());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> postalAddress(OrganizationId id) {
        return organizations.findById(id.value()).map(Organization::profile).map(OrganizationProfile::postalAddress);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationSummary> suppliers(int limit) {
        return organizations.findByTradeRoleInOrderByCreatedAtAscIdAsc(EnumSet.of(TradeRole.EXPORTER, TradeRole.BOTH),
                Limit.of(limit)).stream().map(OrganizationSettings::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationSummary> buyers(int limit) {
        return organizations.findByTradeRoleInOrderByCreatedAtAscIdAsc(EnumSet.of(TradeRole.IMPORTER, TradeRole.BOTH),
                Limit.of(limit)).stream().map(OrganizationSettings::summary).toList();
    }

    private static OrganizationSummary summary(Organization organization) {
        OrganizationProfile profile = organization.profile();
        return new OrganizationSummary(organization.id(), profile.legalName(), profile.country(), profile.tradeRole(),
                profile.website());
    }

    @Override
    @Transactional(readOnly = true)
    public List<MemberContact> contacts(OrganizationId id, Permission permission) {
        var roles = java.util.Arrays.stream(Role.values()).filter(r -> r.grants(permission)).map(Role::name).toList();
        return jdbc.sql("""
                        select u.id, u.email, u.display_name, u.preferred_locale
                        from accounts.memberships m join accounts.users u on u.id = m.user_id
                        where m.organization_id = :organization and m.role in (:roles)
                          and u.enabled and u.email_verified_at is not null
                        order by m.created_at, m.id""")
                .param("organization", id.value())
                .param("roles", roles)
                .query((rs, n) -> new MemberContact(new trade.caravan.shared.UserId(rs.getObject(1, java.util.UUID.class)),
                        rs.getString(2), rs.getString(3), java.util.Locale.forLanguageTag(rs.getString(4))))
                .list();
    }

    /** Only the domain of an owner's verified address is told, never the address itself. */
    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationFacts> facts(OrganizationId id) {
        return organizations.findById(id.value()).map(o -> {
            OrganizationProfile profile = o.profile();
            var domains = jdbc.sql("""
                            select distinct split_part(u.email, '@', 2) as domain
                            from accounts.memberships m join accounts.users u on u.id = m.user_id
                            where m.organization_id = ? and m.role = 'OWNER' and u.email_verified_at is not null
                              and u.enabled
                            order by domain""")
                    .param(id.value()).query(String.class).list();
            return new OrganizationFacts(summary(o), o.createdAt(), profile.registrationNumber() != null, domains);
        });
    }

    private static Map<String, String> changes(OrganizationProfile before, OrganizationProfile after) {
        var changed = new java.util.TreeMap<String, String>();
        if (!before.legalName().equals(after.legalName())) {
            changed.put("legalName", after.legalName());
        }
        if (!before.country().equals(after.country())) {
            changed.put("country", after.country().value());
        }
        if (before.tradeRole() != after.tradeRole()) {
            changed.put("tradeRole", after.tradeRole().name());
        }
        if (!java.util.Objects.equals(before.registrationNumber(), after.registrationNumber())) {
            changed.put("registrationNumber", String.valueOf(after.registrationNumber()));
        }
        if (!java.util.Objects.equals(before.website(), after.website())) {
            changed.put("website", String.valueOf(after.website()));
        }
        if (!java.util.Objects.equals(before.postalAddress(), after.postalAddress())) {
            changed.put("postalAddress", String.valueOf(after.postalAddress()));
        }
        return changed;
    }
}
