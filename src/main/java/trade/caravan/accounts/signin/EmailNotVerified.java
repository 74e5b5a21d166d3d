package trade.caravan.accounts.signin;

import org.springframework.security.core.AuthenticationException;

import trade.caravan.shared.UserId;

/** The password was right but the e-mail address is not verified yet. */
class EmailNotVerified extends AuthenticationException {

    private final transient UserId user;

    EmailNotVerified(UserId user) {
        super("E-mail address not verified");
        this.user = user;
    }

    UserId user() {
        return user;
    }
}
