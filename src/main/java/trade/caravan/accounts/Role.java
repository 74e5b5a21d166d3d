package trade.caravan.accounts;

import java.util.EnumSet;
import java.util.Set;

/**
 * A member's role in an organization and the permissions it grants (documented in
 * {@code docs/permissions.md}; {@code RoleTests} keeps that table and this one in step).
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.complementOf(EnumSet.of(Permission.OWNERSHIP_MANAGE))),
    TRADER(EnumSet.of(Permission.ORGANIZATION_VIEW, Permission.TRADE)),
    FINANCE(EnumSet.of(Permission.ORGANIZATION_VIEW, Permission.FINANCE)),
    VIEWER(EnumSet.of(Permission.ORGANIZATION_VIEW));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** Roles an invitation may carry: nobody is invited straight into ownership. */
    public boolean invitable() {
        return this != OWNER;
    }
}
