package trade.caravan.accounts.identity;

import java.util.Locale;
import java.util.regex.Pattern;

import trade.caravan.platform.DomainException;

/**
 * Normalizes and checks an e-mail address as typed: trimmed, lower-cased, one address, no spaces
 * or control characters (no header injection), at most 254 characters (RFC 5321).
 */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    public static String normalize(String typed) {
        String email = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !SHAPE.matcher(email).matches()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.email.invalid");
        }
        return email;
    }

    public static boolean isValid(String typed) {
        try {
            normalize(typed);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }
}
