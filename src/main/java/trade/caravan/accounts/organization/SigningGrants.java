package trade.caravan.accounts.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.Permission;
import trade.caravan.accounts.Role;
import trade.caravan.accounts.SigningAuthority;
import trade.caravan.accounts.securityevents.SecurityEvents;
import trade.caravan.audit.AuditAction;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.OrganizationId;

/**
 * The organization's signing grants: owners may let traders or finance members sign too. API
 * tokens never sign (no person to give a second factor), whatever the grants.
 */
@Service
public class SigningGrants implements SigningAuthority {

    private final JdbcClient jdbc;
    private final SecurityEvents events;

    SigningGrants(JdbcClient jdbc, SecurityEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean maySign(Actor actor) {
        if (actor.can(Permission.SIGN)) {
            return true;
        }
        return actor instanceof MemberPrincipal member && GRANTABLE.contains(member.role())
                && grantedRoles(member.organizationId()).contains(member.role());
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Role> grantedRoles(OrganizationId organization) {
        String[] roles = jdbc.sql("select signing_roles from accounts.organizations where id = ?")
                .param(organization.value())
                .query((rs, n) -> (String[]) rs.getArray(1).getArray())
                .optional().orElse(new String[0]);
        Set<Role> granted = EnumSet.noneOf(Role.class);
        Arrays.stream(roles).map(Role::valueOf).forEach(granted::add);
        return granted;
    }

    /** Replaces the grants; owners only (who may sign is as grave as who owns). */
    @Transactional
    public void grant(Actor actor, Set<Role> roles) {
        if (!actor.can(Permission.OWNERSHIP_MANAGE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        if (!GRANTABLE.containsAll(roles)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.signing-roles");
        }
        Set<Role> before = grantedRoles(actor.organizationId());
        jdbc.sql("update accounts.organizations set signing_roles = ? where id = ?")
                .params(roles.stream().map(Role::name).sorted().toArray(String[]::new), actor.organizationId().value())
                .update();
        if (!before.equals(roles)) {
            events.record(AuditAction.ORGANIZATION_UPDATED, actor.organizationId(), actor.userId(), actor.label(),
                    actor.organizationId().toString(), Map.of("signingRoles",
                            roles.stream().map(Role::name).sorted().collect(Collectors.joining(","))));
        }
    }
}
