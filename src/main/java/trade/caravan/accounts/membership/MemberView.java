package trade.caravan.accounts.membership;

import java.time.Instant;

import trade.caravan.accounts.Role;
import trade.caravan.shared.UserId;

/** A member as listed to the organization: person, role, state. */
public record MemberView(UserId userId, String email, String displayName, Role role, boolean enabled,
        boolean emailVerified, Instant joinedAt) {
}
