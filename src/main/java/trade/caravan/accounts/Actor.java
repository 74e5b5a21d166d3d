package trade.caravan.accounts;

import org.jspecify.annotations.Nullable;

import trade.caravan.platform.TenantPrincipal;
import trade.caravan.shared.UserId;

/**
 * Whoever acts on an organization's behalf: a signed-in member or an API token. Services check
 * permissions and record the audit trail through this, so the same rules hold for page and API.
 */
public interface Actor extends TenantPrincipal {

    boolean can(Permission permission);

    /** The person acting, or {@code null} for an API token. */
    @Nullable UserId userId();

    /** How the audit trail names the actor (an e-mail address, or "token: name"). */
    String label();

    /** A short name to show to people (the person's name, or the token's). */
    String displayName();
}
