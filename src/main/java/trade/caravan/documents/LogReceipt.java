package trade.caravan.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The proof that the transparency log holds a document: every leaf about the document's SHA-256
 * with its audit path to one signed tree head. Whoever has the document, the receipt and the log's
 * public key can check it without the server ({@link #check}); the verify page checks the same
 * thing against the log's newest head.
 *
 * <p>As JSON: {@code {"v":1,"document":<hex>,"head":{"treeSize","timestamp","rootHash","keyId",
 * "signature"},"leaves":[{"leafIndex","leafInput","auditPath":[...]}]}}, hashes and signatures in
 * base64 as the log's API gives them.
 */
public record LogReceipt(byte[] document, SignedTreeHead head, List<Entry> leaves) {

    /** Upper bound of a receipt's JSON: a few leaves with paths of at most 64 hashes. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_IN = Base64.getDecoder();

    public LogReceipt {
        if (document.length != Merkle.HASH_BYTES) {
            throw new IllegalArgumentException("Document hashes are SHA-256, 32 bytes");
        }
        document = document.clone();
        leaves = List.copyOf(leaves);
    }

    @Override
    public byte[] document() {
        return document.clone();
    }

    /** A leaf of the log and its audit path to the receipt's head. */
    public record Entry(long leafIndex, byte[] leafInput, List<byte[]> auditPath) {

        public Entry {
            leafInput = leafInput.clone();
            auditPath = auditPath.stream().map(byte[]::clone).toList();
        }

        @Override
        public byte[] leafInput() {
            return leafInput.clone();
        }
    }

    /** The receipt for the document with this SHA-256 against the log's newest head (no leaves if it is not logged). */
    public static LogReceipt of(TransparencyLog log, byte[] documentHash) {
        // leaves first: the head read after them covers every one of them
        List<LoggedLeaf> logged = log.leavesOf(documentHash);
        SignedTreeHead head = log.head();
        List<Entry> entries = new ArrayList<>();
        for (LoggedLeaf leaf : logged) {
            if (leaf.index() < head.treeSize()) {
                entries.add(new Entry(leaf.index(), leaf.leafInput(), log.inclusion(leaf.index(), head.treeSize()).path()));
            }
        }
        return new LogReceipt(documentHash, head, entries);
    }

    /**
     * What the receipt proves about the document with SHA-256 {@code documentHash}, given the log's
     * keys by key id: a leaf counts only if it is about that hash and its audit path leads to the
     * head's root; the whole is proven only if the head's signature verifies with the key it names
     * and every leaf counts.
     */
    public Verdict.LogPosition check(byte[] documentHash, Map<String, PublicKey> keys) {
        PublicKey key = keys.get(head.keyId());
        boolean headVerified = key != null && head.verify(key);
        boolean everyLeafProven = true;
        List<Verdict.LogEntry> entries = new ArrayList<>();
        Verdict.LogState state = Verdict.LogState.NOT_LOGGED;
        String type = null;
        String replacedBy = null;
        Long newest = null;
        for (Entry entry : leaves) {
            LogLeaf leaf;
            try {
                leaf = LogLeaf.decode(entry.leafInput());
            } catch (IllegalArgumentException notALeaf) {
                everyLeafProven = false;
                continue;
            }
            if (!MessageDigest.isEqual(leaf.documentHash(), documentHash)) {
                everyLeafProven = false;
                continue;
            }
            boolean proven = new InclusionProof(entry.leafIndex(), head.treeSize(), entry.auditPath())
                    .verify(Merkle.leafHash(entry.leafInput()), head);
            everyLeafProven &= proven;
            entries.add(new Verdict.LogEntry(entry.leafIndex(), leaf.status(), leaf.loggedAt(), proven));
            type = leaf.documentType();
            newest = newest == null ? entry.leafIndex() : Math.max(newest, entry.leafIndex());
            // a revocation is final; otherwise the newest status change counts
            if (state != Verdict.LogState.REVOKED) {
                state = Verdict.LogState.valueOf(leaf.status().name());
                byte[] replacement = leaf.replacement();
                replacedBy = replacement == null ? null : HexFormat.of().formatHex(replacement);
            }
        }
        if (state != Verdict.LogState.SUPERSEDED) {
            replacedBy = null;
        }
        return new Verdict.LogPosition(state, type, replacedBy, newest, head.treeSize(), headVerified && everyLeafProven,
                entries);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", 1);
        root.put("document", HexFormat.of().formatHex(document));
        ObjectNode h = root.putObject("head");
        h.put("treeSize", head.treeSize());
        h.put("timestamp", head.timestamp().toString());
        h.put("rootHash", BASE64.encodeToString(head.rootHash()));
        h.put("keyId", head.keyId());
        h.put("signature", BASE64.encodeToString(head.signature()));
        ArrayNode array = root.putArray("leaves");
        for (Entry entry : leaves) {
            ObjectNode leaf = array.addObject();
            leaf.put("leafIndex", entry.leafIndex());
            leaf.put("leafInput", BASE64.encodeToString(entry.leafInput()));
            ArrayNode path = leaf.putArray("auditPath");
            entry.auditPath().forEach(hash -> path.add(BASE64.encodeToString(hash)));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a receipt; anything else is refused with an IllegalArgumentException saying what is wrong. */
    public static LogReceipt fromJson(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new IllegalArgumentException("Not a receipt: " + json.length + " bytes");
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject() || root.path("v").asInt(0) != 1) {
                throw new IllegalArgumentException("Not a receipt of version 1");
            }
            JsonNode h = required(root, "head");
            SignedTreeHead head = new SignedTreeHead(required(h, "treeSize").asLong(),
                    Instant.parse(required(h, "timestamp").asString()), base64(required(h, "rootHash")),
                    required(h, "keyId").asString(), base64(required(h, "signature")));
            List<Entry> entries = new ArrayList<>();
            for (JsonNode leaf : required(root, "leaves")) {
                List<byte[]> path = new ArrayList<>();
                for (JsonNode hash : required(leaf, "auditPath")) {
                    path.add(base64(hash));
                }
                entries.add(new Entry(required(leaf, "leafIndex").asLong(), base64(required(leaf, "leafInput")), path));
            }
            return new LogReceipt(HexFormat.of().parseHex(required(root, "document").asString()), head, entries);
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Not a receipt: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        @Nullable JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("A receipt without " + field);
        }
        return value;
    }

    private static byte[] base64(JsonNode node) {
        return BASE64_IN.decode(node.asString());
    }
}
