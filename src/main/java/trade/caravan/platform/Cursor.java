package trade.caravan.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset-pagination cursor: the sort key values of the last row a client has seen.
 * Encoded as URL-safe base64 of the values joined by a unit separator; a cursor that does not
 * decode (or has the wrong number of values) is refused as bad input, never trusted.
 */
public record Cursor(List<String> values) {

    private static final char SEPARATOR = '\u001F';
    private static final int MAX_ENCODED_LENGTH = 512;

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(List.of(values));
    }

    public String value(int index) {
        return values.get(index);
    }

    /** The value at {@code index} as an instant; a forged cursor is refused as bad input. */
    public java.time.Instant instantAt(int index) {
        try {
            return java.time.Instant.parse(values.get(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The value at {@code index} as a UUID; a forged cursor is refused as bad input. */
    public java.util.UUID uuidAt(int index) {
        try {
            return java.util.UUID.fromString(values.get(index));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The value at {@code index} as a long; a forged cursor is refused as bad input. */
    public long longAt(int index) {
        try {
            return Long.parseLong(values.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor; {@code null} or blank means "from the start". */
    public static @Nullable Cursor decode(@Nullable String encoded, int expectedValues) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = new ArrayList<>(List.of(decoded.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != expectedValues) {
            throw invalid();
        }
        return new Cursor(parts);
    }

    private static DomainException invalid() {
        return new DomainException(DomainException.Kind.INVALID, "error.cursor.invalid");
    }
}
