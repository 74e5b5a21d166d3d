package trade.caravan.accounts.identity;

import java.util.Locale;

import trade.caravan.shared.UserId;

/** What the rest of the accounts module may know about a user (no password hash). */
public record UserView(UserId id, String email, String displayName, Locale locale, boolean emailVerified,
        boolean enabled) {

    static UserView of(UserAccount user) {
        return new UserView(user.id(), user.email(), user.displayName(), user.locale(), user.emailVerified(),
                user.enabled());
    }
}
