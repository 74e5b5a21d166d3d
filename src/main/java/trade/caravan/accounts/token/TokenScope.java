package trade.caravan.accounts.token;

import java.util.EnumSet;
import java.util.Set;

import trade.caravan.accounts.Permission;

/**
 * What an API token may do. A token gets the permissions of its scopes that its creator held
 * when creating it; it can never exceed the person who made it. Tokens never manage tokens.
 */
public enum TokenScope {
    READ(EnumSet.of(Permission.ORGANIZATION_VIEW)),
    MEMBERS(EnumSet.of(Permission.ORGANIZATION_VIEW, Permission.MEMBERS_INVITE, Permission.MEMBERS_MANAGE)),
    AUDIT(EnumSet.of(Permission.AUDIT_READ)),
    TRADE(EnumSet.of(Permission.ORGANIZATION_VIEW, Permission.TRADE)),
    FINANCE(EnumSet.of(Permission.ORGANIZATION_VIEW, Permission.FINANCE));

    private final Set<Permission> permissions;

    TokenScope(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
