package trade.caravan.documents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import trade.caravan.shared.OrganizationId;

/**
 * One entry of the transparency log: the SHA-256 of a document's bytes, its type, what happened
 * to it, the organization that issued it, the trade it belongs to (if any), when it was logged,
 * and for a superseded document the hash of the version that replaced it. Identifiers only, never
 * names or contents: the log tells who can present the document nothing the document does not.
 *
 * <p>Its bytes in the log ({@link #encode()}) are one line of JSON with the keys in a fixed order;
 * the leaf hash is computed over exactly those bytes as stored, so decoding is only for reading.
 */
public record LogLeaf(byte[] documentHash, String documentType, DocumentStatus status, OrganizationId issuer,
        @Nullable UUID trade, Instant loggedAt, byte @Nullable [] replacement) {

    /** Upper bound of an encoded leaf: anything longer is not one of ours. */
    public static final int MAX_BYTES = 1024;

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LogLeaf {
        Objects.requireNonNull(documentHash, "documentHash");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(loggedAt, "loggedAt");
        if (documentHash.length != Merkle.HASH_BYTES || (replacement != null && replacement.length != Merkle.HASH_BYTES)) {
            throw new IllegalArgumentException("Document hashes are SHA-256, 32 bytes");
        }
        if (!TYPE.matcher(documentType).matches()) {
            throw new IllegalArgumentException("Not a document type: " + documentType);
        }
        if ((replacement != null) != (status == DocumentStatus.SUPERSEDED)) {
            throw new IllegalArgumentException("A superseded document, and only one, names its replacement");
        }
        documentHash = documentHash.clone();
        replacement = replacement == null ? null : replacement.clone();
        loggedAt = loggedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public byte[] documentHash() {
        return documentHash.clone();
    }

    @Override
    public byte @Nullable [] replacement() {
        return replacement == null ? null : replacement.clone();
    }

    public String documentHashHex() {
        return HEX.formatHex(documentHash);
    }

    /** The leaf's bytes as the log stores and hashes them. */
    public byte[] encode() {
        // every value is hex, a UUID, an enum name, a [A-Z0-9_] type or an ISO instant: nothing to escape
        String json = "{\"v\":1,\"document\":\"" + HEX.formatHex(documentHash) + "\",\"type\":\"" + documentType
                + "\",\"status\":\"" + status + "\",\"issuer\":\"" + issuer + "\",\"trade\":"
                + (trade == null ? "null" : "\"" + trade + "\"") + ",\"at\":\"" + loggedAt + "\",\"replacement\":"
                + (replacement == null ? "null" : "\"" + HEX.formatHex(replacement) + "\"") + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a leaf's bytes; anything that is not a leaf of this log's format is refused. */
    public static LogLeaf decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("Not a log leaf: " + bytes.length + " bytes");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject() || node.path("v").asInt(0) != 1) {
                throw new IllegalArgumentException("Not a log leaf of version 1");
            }
            String trade = text(node, "trade");
            String replacement = text(node, "replacement");
            return new LogLeaf(HEX.parseHex(required(node, "document")), required(node, "type"),
                    DocumentStatus.valueOf(required(node, "status")), OrganizationId.of(required(node, "issuer")),
                    trade == null ? null : UUID.fromString(trade), Instant.parse(required(node, "at")),
                    replacement == null ? null : HEX.parseHex(replacement));
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a log leaf", e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("A log leaf without " + field);
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogLeaf that && java.util.Arrays.equals(documentHash, that.documentHash)
                && documentType.equals(that.documentType) && status == that.status && issuer.equals(that.issuer)
                && Objects.equals(trade, that.trade) && loggedAt.equals(that.loggedAt)
                && java.util.Arrays.equals(replacement, that.replacement);
    }

    @Override
    public int hashCode() {
        return Objects.hash(java.util.Arrays.hashCode(documentHash), documentType, status, issuer, trade, loggedAt);
    }

    @Override
    public String toString() {
        return "LogLeaf[" + documentType + " " + HEX.formatHex(documentHash) + " " + status + " by " + issuer + "]";
    }
}
