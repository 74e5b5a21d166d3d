package trade.caravan.accounts;

import trade.caravan.shared.UserId;

/**
 * Step-up: a person confirms a grave action (signing a contract) by giving their second factor
 * again, whatever their session. Each code works once, as at sign-in; wrong codes are limited per
 * person, so a stolen session cannot guess its way through.
 */
public interface SecondFactor {

    /** Whether the person has an authenticator app set up (else they cannot step up). */
    boolean enrolled(UserId user);

    /**
     * Whether {@code code} is the person's current authenticator code (not used before) or one of
     * their unused recovery codes, which it then uses up. Throws {@code RateLimited} after too many
     * wrong codes.
     */
    boolean confirm(UserId user, String code);
}
