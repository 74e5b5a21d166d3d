package trade.caravan.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The hash of an audit entry, format {@value #FORMAT} (docs/adr/0006-audit-hash-chain.md):
 * {@code hash = lowercase-hex(SHA-256(ASCII(previous_hash) || encoding(fields)))}, where the
 * encoding is a fixed sequence of length-prefixed UTF-8 fields. Nothing in it depends on a JSON
 * library, a locale or a time zone, so the same entry hashes the same in every version and
 * language that implements the format.
 */
final class ChainHash {

    /** The previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);
    static final String FORMAT = "caravan-audit-v1";

    /** PostgreSQL keeps microseconds; the time is hashed exactly as stored. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    static String of(String previousHash, ChainedFields fields) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.UTF_8));
        sha256.update(encode(fields));
        return HEX.formatHex(sha256.digest());
    }

    /**
     * Field by field, in this order: format tag, sequence (decimal), time, action, organization,
     * actor, actor label, subject, details, IP address. A present value is {@code 0x01}, its
     * UTF-8 length as 4 bytes big-endian, then its UTF-8 bytes; an absent one is {@code 0x00}.
     * Details are their count (4 bytes big-endian), then key and value of each pair, by key in
     * unsigned byte order of its UTF-8 encoding (that is, by code point).
     */
    static byte[] encode(ChainedFields fields) {
        var out = new ByteArrayOutputStream(256);
        field(out, FORMAT);
        field(out, Long.toString(fields.sequence()));
        field(out, TIME.format(fields.occurredAt()));
        field(out, fields.action());
        field(out, uuid(fields.organization()));
        field(out, uuid(fields.actor()));
        field(out, fields.actorLabel());
        field(out, fields.subject());
        details(out, fields.details());
        field(out, fields.ipAddress());
        return out.toByteArray();
    }

    private static void details(ByteArrayOutputStream out, Map<String, String> details) {
        List<byte[][]> pairs = new ArrayList<>(details.size());
        details.forEach((key, value) -> pairs.add(new byte[][] {
                key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)}));
        pairs.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        length(out, pairs.size());
        for (byte[][] pair : pairs) {
            present(out, pair[0]);
            present(out, pair[1]);
        }
    }

    private static void field(ByteArrayOutputStream out, @Nullable String value) {
        if (value == null) {
            out.write(0x00);
        } else {
            present(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void present(ByteArrayOutputStream out, byte[] bytes) {
        out.write(0x01);
        length(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void length(ByteArrayOutputStream out, int length) {
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
    }

    private static @Nullable String uuid(@Nullable UUID value) {
        return value == null ? null : value.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
