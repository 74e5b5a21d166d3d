package trade.caravan.notifications.outbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailSendException;

/**
 * A delivery error as stored on the mail and shown on the outbox page: the most specific cause,
 * one line, at most {@value #MAX} characters, and never the SMTP credentials (an error text may
 * quote what was sent to the server).
 */
final class ErrorText {

    static final int MAX = 500;
    private static final String REDACTED = "***";

    private final List<String> secrets = new ArrayList<>();

    ErrorText(@Nullable String username, @Nullable String password) {
        // the password first: it may contain the user name, never the other way round
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (username != null && !username.isEmpty()) {
            secrets.add(username);
        }
    }

    String describe(Throwable failure) {
        Throwable cause = mostSpecific(failure);
        String text = cause.getClass().getSimpleName() + ": " + Objects.toString(cause.getMessage(), "");
        for (String secret : secrets) {
            text = text.replace(secret, REDACTED);
        }
        text = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return text.codePointCount(0, text.length()) <= MAX ? text : text.substring(0, text.offsetByCodePoints(0, MAX));
    }

    /** Whether the server could not be reached at all (as opposed to refusing this mail). */
    static boolean isConnectionFailure(Throwable failure) {
        return causes(failure).stream().anyMatch(IOException.class::isInstance);
    }

    private static Throwable mostSpecific(Throwable failure) {
        if (failure instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            return NestedExceptionUtils.getMostSpecificCause(send.getMessageExceptions()[0]);
        }
        return NestedExceptionUtils.getMostSpecificCause(failure);
    }

    /** The failure, its causes and, for a failed send, the per-message exceptions and theirs. */
    private static List<Throwable> causes(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable next = pending.removeLast();
            if (seen.put(next, Boolean.TRUE) != null) {
                continue;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            if (next instanceof MailSendException send) {
                pending.addAll(List.of(send.getMessageExceptions()));
            }
        }
        return List.copyOf(seen.keySet());
    }
}
