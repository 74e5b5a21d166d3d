package trade.caravan.accounts;

import java.util.Locale;

import trade.caravan.shared.UserId;

/** Whom to tell about something that happened to an organization: an enabled member with a verified address. */
public record MemberContact(UserId userId, String email, String displayName, Locale locale) {
}
