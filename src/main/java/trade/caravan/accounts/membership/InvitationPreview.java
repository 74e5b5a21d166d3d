package trade.caravan.accounts.membership;

import java.time.Instant;

import trade.caravan.accounts.Role;

/** What the invitee sees before accepting. */
public record InvitationPreview(String organizationName, String email, Role role, Instant expiresAt) {
}
