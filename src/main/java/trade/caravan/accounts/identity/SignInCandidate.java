package trade.caravan.accounts.identity;

import java.time.Instant;

/** A user as the sign-in needs it: includes the password hash, never leaves the module. */
public record SignInCandidate(UserView user, String passwordHash, Instant passwordChangedAt) {
}
