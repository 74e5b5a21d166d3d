package trade.caravan.documents.transparency;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.documents.ConsistencyProof;
import trade.caravan.documents.InclusionProof;
import trade.caravan.documents.LogKey;
import trade.caravan.documents.LogReceipt;
import trade.caravan.documents.LoggedLeaf;
import trade.caravan.documents.SignedTreeHead;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.platform.DomainException;

/**
 * The transparency log's public, read-only API, for verifiers and monitors: the newest signed
 * head (or the one for a given size), the log's keys, inclusion and consistency proofs, and the
 * leaves about a document whose SHA-256 the caller already knows, with their proofs in one receipt
 * for the offline verifier. Hashes and signatures are base64, as in RFC 9162. There is no listing of all leaves: which organization issued how many
 * documents when is nobody else's business; proofs reveal hashes only.
 */
@RestController
@RequestMapping("/api/v1/transparency")
@Tag(name = "Transparency log", description = "Signed tree heads and proofs of the log of issued documents")
class TransparencyApi {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final TransparencyLog log;

    TransparencyApi(TransparencyLog log) {
        this.log = log;
    }

    record Head(long treeSize, String timestamp, String rootHash, String keyId, String signature) {
        static Head of(SignedTreeHead head) {
            return new Head(head.treeSize(), head.timestamp().toString(), BASE64.encodeToString(head.rootHash()),
                    head.keyId(), BASE64.encodeToString(head.signature()));
        }
    }

    record Key(String keyId, String algorithm, String publicKey, String createdAt, @Nullable String retiredAt) {
    }

    record Inclusion(long leafIndex, long treeSize, List<String> auditPath) {
    }

    record Consistency(long first, long second, List<String> consistencyPath) {
    }

    record Leaf(long leafIndex, String leafInput, String leafHash) {
    }

    @GetMapping("/head")
    @Operation(summary = "The newest signed tree head, or with treeSize the head made at that size")
    ResponseEntity<Head> head(@RequestParam(required = false) @Nullable Long treeSize) {
        SignedTreeHead head = treeSize == null ? log.head() : log.head(treeSize);
        // a head of a given size never changes; the newest one does with every document
        CacheControl cache = treeSize == null ? CacheControl.noCache() : CacheControl.maxAge(java.time.Duration.ofDays(1));
        return ResponseEntity.ok().cacheControl(cache).body(Head.of(head));
    }

    @GetMapping("/keys")
    @Operation(summary = "The keys the log signs heads with (Ed25519, DER SubjectPublicKeyInfo), the current one last")
    List<Key> keys() {
        return log.keys().stream().map(TransparencyApi::key).toList();
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "The audit path of leaf leafIndex in the tree of treeSize leaves (RFC 9162, 2.1.3)")
    Inclusion inclusion(@RequestParam long leafIndex, @RequestParam long treeSize) {
        InclusionProof proof = log.inclusion(leafIndex, treeSize);
        return new Inclusion(proof.leafIndex(), proof.treeSize(), base64(proof.path()));
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "The proof that the tree of second leaves extends the tree of first leaves (RFC 9162, 2.1.4)")
    Consistency consistency(@RequestParam long first, @RequestParam long second) {
        ConsistencyProof proof = log.consistency(first, second);
        return new Consistency(proof.first(), proof.second(), base64(proof.path()));
    }

    @GetMapping("/leaves")
    @Operation(summary = "The leaves about the document with this SHA-256 (64 hex digits), oldest first")
    List<Leaf> leaves(@RequestParam String document) {
        return log.leavesOf(documentHash(document)).stream().map(TransparencyApi::leaf).toList();
    }

    /**
     * What the offline verifier takes with {@code --receipt}: every leaf about the document with its
     * audit path to the newest head, in one file. 404 when the log has no leaf about the document.
     */
    @GetMapping(value = "/receipt", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The log receipt of the document with this SHA-256: its leaves, their audit paths and the signed head they lead to")
    ResponseEntity<byte[]> receipt(@RequestParam String document) {
        LogReceipt receipt = LogReceipt.of(log, documentHash(document));
        if (receipt.leaves().isEmpty()) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "error.not-found");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("receipt-" + document.strip().toLowerCase(java.util.Locale.ROOT).substring(0, 16) + ".json")
                        .build().toString())
                .body(receipt.toJson());
    }

    private static byte[] documentHash(String document) {
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(document.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "error.invalid-parameter", "document");
        }
        if (hash.length != 32) {
            throw new DomainException(DomainException.Kind.INVALID, "error.invalid-parameter", "document");
        }
        return hash;
    }

    private static Key key(LogKey key) {
        return new Key(key.keyId(), SignedTreeHead.ALGORITHM, BASE64.encodeToString(key.publicKey()),
                key.createdAt().toString(), key.retiredAt() == null ? null : key.retiredAt().toString());
    }

    private static Leaf leaf(LoggedLeaf leaf) {
        return new Leaf(leaf.index(), BASE64.encodeToString(leaf.leafInput()), BASE64.encodeToString(leaf.leafHash()));
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(BASE64::encodeToString).toList();
    }
}
