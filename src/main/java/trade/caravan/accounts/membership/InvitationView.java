package trade.caravan.accounts.membership;

import java.time.Instant;
import java.util.UUID;

import trade.caravan.accounts.Role;

/** An invitation as listed to the organization that sent it. */
public record InvitationView(UUID id, String email, Role role, String status, Instant createdAt, Instant expiresAt) {
}
