/**
 * Accounts: organizations, users, memberships and roles, sign-up, sign-in with a second factor
 * (TOTP, passkeys), invitations, e-mail verification, password reset, API tokens, and the
 * security configuration of the whole application.
 */
@ApplicationModule(displayName = "Accounts",
        allowedDependencies = {"shared", "platform", "audit", "notifications", "reference"})
@NullMarked
package trade.caravan.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
