package trade.caravan.documents.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.documents.LogKey;
import trade.caravan.documents.SignedTreeHead;
import trade.caravan.platform.SecretBox;

/**
 * The log's Ed25519 signing keys. The private key is made here, sealed under the installation's
 * data key ({@link SecretBox}, bound to its key id) in {@code documents.log_keys}, and opened
 * only in this process's memory: it never leaves the server. A key older than
 * {@code caravan.transparency.key-lifetime} is retired at the next start and a new one made;
 * retired keys stay listed, so heads they signed still verify.
 */
@Component
class LogKeys {

    private static final Logger log = LoggerFactory.getLogger(LogKeys.class);

    private final LogStore store;
    private final SecretBox secrets;
    private final Clock clock;
    private final TransparencySettings settings;
    private final TransactionTemplate transactions;
    private final Map<String, PublicKey> trusted = new ConcurrentHashMap<>();
    private volatile @org.jspecify.annotations.Nullable Current current;

    private record Current(String keyId, PrivateKey key) {
    }

    LogKeys(JdbcClient jdbc, SecretBox secrets, Clock clock, TransparencySettings settings,
            TransactionTemplate transactions) {
        this.store = new LogStore(jdbc);
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Signs a head of {@code treeSize} leaves with root {@code rootHash}, made at {@code at}. */
    SignedTreeHead sign(long treeSize, Instant at, byte[] rootHash) {
        Current key = current();
        try {
            Signature signer = Signature.getInstance(SignedTreeHead.ALGORITHM);
            signer.initSign(key.key());
            signer.update(SignedTreeHead.signedBytes(treeSize, at, rootHash));
            return new SignedTreeHead(treeSize, at, rootHash, key.keyId(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing a tree head failed", e);
        }
    }

    /**
     * The public halves of the keys that are truly the log's, by key id: those whose private half
     * opens with this installation's data key and signs what the public half verifies. A key row
     * someone added to the database without the data key is not among them, so heads it signed
     * fail the check.
     */
    Map<String, PublicKey> publicKeys() {
        for (LogStore.StoredKey key : store.keys()) {
            if (!trusted.containsKey(key.keyId()) && isOurs(key)) {
                trusted.put(key.keyId(), publicKey(key.publicKey()));
            }
        }
        return Map.copyOf(trusted);
    }

    private boolean isOurs(LogStore.StoredKey key) {
        try {
            byte[] probe = ("probe " + key.keyId()).getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance(SignedTreeHead.ALGORITHM);
            signer.initSign(privateKey(key));
            signer.update(probe);
            Signature verifier = Signature.getInstance(SignedTreeHead.ALGORITHM);
            verifier.initVerify(publicKey(key.publicKey()));
            verifier.update(probe);
            return LogKey.idOf(key.publicKey()).equals(key.keyId()) && verifier.verify(signer.sign());
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException notOurs) {
            log.warn("Transparency log key {} is not this installation's: {}", key.keyId(), notOurs.getMessage());
            return false;
        }
    }

    /** The log's keys (see {@link #publicKeys()}), the current one last. */
    List<LogKey> keys() {
        current();
        Map<String, PublicKey> ours = publicKeys();
        return store.keys().stream().filter(k -> ours.containsKey(k.keyId()))
                .map(k -> new LogKey(k.keyId(), k.publicKey(), k.createdAt(), k.retiredAt())).toList();
    }

    private Current current() {
        Current key = current;
        if (key == null) {
            synchronized (this) {
                key = current;
                if (key == null) {
                    key = transactions.execute(status -> load());
                    current = key;
                }
            }
        }
        return key;
    }

    private Current load() {
        store.lockKeys();
        List<LogStore.StoredKey> keys = store.keys();
        Instant now = clock.instant();
        LogStore.StoredKey active = keys.stream().filter(k -> k.retiredAt() == null).findFirst().orElse(null);
        if (active != null && active.createdAt().plus(settings.keyLifetime()).isAfter(now)) {
            return new Current(active.keyId(), privateKey(active));
        }
        if (active != null) {
            store.retireKeys(now);
            log.info("Transparency log key {} retired", active.keyId());
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance(SignedTreeHead.ALGORITHM).generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            String keyId = LogKey.idOf(spki);
            store.insertKey(new LogStore.StoredKey(keyId, spki,
                    secrets.seal(pair.getPrivate().getEncoded(), associatedData(keyId)), now, null));
            trusted.put(keyId, pair.getPublic());
            log.info("Transparency log key {} made", keyId);
            return new Current(keyId, pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(SignedTreeHead.ALGORITHM + " is part of every Java platform", e);
        }
    }

    private PrivateKey privateKey(LogStore.StoredKey key) {
        byte[] pkcs8;
        try {
            pkcs8 = secrets.open(key.sealedPrivateKey(), associatedData(key.keyId()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The transparency log key " + key.keyId() + " does not open with this "
                    + "installation's data key (caravan.security.data-key[-file]); restore the data key it was made with", e);
        }
        try {
            return KeyFactory.getInstance(SignedTreeHead.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The transparency log key " + key.keyId() + " does not load", e);
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static PublicKey publicKey(byte[] spki) {
        return new LogKey("", spki, Instant.EPOCH, null).toPublicKey();
    }

    private static byte[] associatedData(String keyId) {
        return ("documents.log_keys:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
