package trade.caravan.accounts;

/**
 * What a member (or an API token) may do. Each permission is a Spring Security authority with
 * the name {@link #authority()}, so controllers guard themselves with
 * {@code @PreAuthorize("hasAuthority('members:manage')")}. The role table is in {@link Role} and
 * in {@code docs/permissions.md}.
 */
public enum Permission {
    /** See the organization, its members and its reference data. */
    ORGANIZATION_VIEW("organization:view"),
    /** Change the organization's profile (name, registration number, website). */
    ORGANIZATION_EDIT("organization:edit"),
    /** Invite people and revoke invitations. */
    MEMBERS_INVITE("members:invite"),
    /** Change roles (except to or from OWNER), remove, disable and enable members. */
    MEMBERS_MANAGE("members:manage"),
    /** Make someone an owner, demote an owner, transfer ownership. */
    OWNERSHIP_MANAGE("ownership:manage"),
    /** Create and revoke API tokens. */
    TOKENS_MANAGE("tokens:manage"),
    /** Read the organization's security log. */
    AUDIT_READ("audit:read"),
    /** Trade on the organization's behalf: catalog, RFQs, offers, shipments (later modules). */
    TRADE("trade:act"),
    /** Handle money: escrow, payments, bank files (later modules). */
    FINANCE("finance:act"),
    /** Sign contracts and trade documents on the organization's behalf (later modules). */
    SIGN("documents:sign");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }
}
