package trade.caravan.platform;

import java.util.Arrays;

/**
 * A rule of the domain said no. Carries a message code (resolved in the user's language at the
 * edge, never a hard-coded English sentence) and a {@link Kind} that the web layer maps once to
 * an HTTP status and an RFC 9457 problem type.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal this is; decides the HTTP status. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, GONE, RATE_LIMITED, UNPROCESSABLE
    }

    private final Kind kind;
    private final String messageCode;
    private final Object[] arguments;

    public DomainException(Kind kind, String messageCode, Object... arguments) {
        super(messageCode + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.kind = kind;
        this.messageCode = messageCode;
        this.arguments = arguments.clone();
    }

    public Kind kind() {
        return kind;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The same answer for "does not exist" and "not yours", so nothing leaks across tenants. */
    public static DomainException notFound() {
        return new DomainException(Kind.NOT_FOUND, "error.not-found");
    }
}
