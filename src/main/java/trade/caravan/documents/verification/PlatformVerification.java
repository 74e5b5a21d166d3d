package trade.caravan.documents.verification;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import eu.europa.esig.dss.spi.validation.CertificateVerifier;

import trade.caravan.documents.DocumentVerification;
import trade.caravan.documents.LogKey;
import trade.caravan.documents.LogReceipt;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.documents.Verdict;
import trade.caravan.documents.signing.PadesSigner;

/**
 * The server's {@link DocumentVerification}: DSS trusting every CA certificate this installation
 * has used, with the CA's CRL as of now ({@link PadesSigner#verifier()}, kept for a minute so a
 * burst of checks does not read the CA table each time), and the document's place in the live
 * transparency log, proven against its newest signed head.
 */
@Service
class PlatformVerification implements DocumentVerification {

    private static final Duration VERIFIER_REUSE = Duration.ofMinutes(1);

    private record CachedVerifier(CertificateVerifier verifier, Instant madeAt) {
    }

    private final DssVerification verification;
    private final PadesSigner signer;
    private final Clock clock;
    private final AtomicReference<CachedVerifier> cached = new AtomicReference<>();

    PlatformVerification(PadesSigner signer, TransparencyLog log, Clock clock) {
        this.signer = signer;
        this.clock = clock;
        this.verification = new DssVerification(this::verifier, clock,
                hash -> LogReceipt.of(log, hash).check(hash, keys(log)));
    }

    @Override
    public Verdict verify(byte[] document) {
        return verification.verify(document);
    }

    private CertificateVerifier verifier() {
        Instant now = clock.instant();
        CachedVerifier current = cached.get();
        if (current == null || current.madeAt().plus(VERIFIER_REUSE).isBefore(now) || now.isBefore(current.madeAt())) {
            current = new CachedVerifier(signer.verifier(), now);
            cached.set(current);
        }
        return current.verifier();
    }

    static Map<String, PublicKey> keys(TransparencyLog log) {
        return log.keys().stream().collect(Collectors.toMap(LogKey::keyId, LogKey::toPublicKey, (a, b) -> a));
    }
}
