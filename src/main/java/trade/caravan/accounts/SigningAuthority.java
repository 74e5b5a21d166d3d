package trade.caravan.accounts;

import java.util.Set;

import trade.caravan.shared.OrganizationId;

/**
 * Who may sign contracts and trade documents for an organization: members whose role grants
 * {@link Permission#SIGN} (owners and admins), and members of the roles the organization's owners
 * have granted signing to (trader, finance). Checked at the moment of signing, so a grant taken
 * back holds at once, without signing anyone out.
 */
public interface SigningAuthority {

    /** Roles whose members may be granted signing; owners and admins sign anyway. */
    Set<Role> GRANTABLE = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(Role.TRADER, Role.FINANCE));

    boolean maySign(Actor actor);

    /** The roles the organization has granted signing to. */
    Set<Role> grantedRoles(OrganizationId organization);
}
