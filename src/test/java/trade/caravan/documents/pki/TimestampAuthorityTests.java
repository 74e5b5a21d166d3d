package trade.caravan.documents.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.support.IntegrationTest;

/**
 * The timestamp authority answers RFC 3161 requests with tokens that verify with its certificate,
 * which the platform CA issued for time-stamping only; what it must not stamp it rejects with a
 * status, never an error.
 */
@IntegrationTest
class TimestampAuthorityTests {

    @Autowired
    TimestampAuthority tsa;
    @Autowired
    CertificateAuthority ca;

    @Test
    void aSha256ImprintGetsATokenBoundToItAndToNow() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("the contract".getBytes());
        var request = new TimeStampRequestGenerator();
        request.setCertReq(true);
        BigInteger nonce = BigInteger.valueOf(System.nanoTime());
        Instant before = Instant.now().minusSeconds(2);
        TimeStampResponse response = new TimeStampResponse(tsa.respond(request.generate(TSPAlgorithms.SHA256, digest, nonce).getEncoded()));

        assertThat(response.getStatus()).as(response.getStatusString()).isEqualTo(0);
        TimeStampToken token = response.getTimeStampToken();
        X509Certificate tsaCertificate = tsa.chain().getFirst();
        assertThat(token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate))).isTrue();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(nonce);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(new ASN1ObjectIdentifier(TimestampAuthority.POLICY));
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isBetween(before, Instant.now().plus(Duration.ofSeconds(2)));
        assertThat(token.getCertificates().getMatches(null)).hasSize(2);

        // the TSA certificate: issued by the platform CA, for time-stamping only (critical EKU)
        tsaCertificate.verify(ca.caCertificate().getPublicKey());
        assertThat(tsaCertificate.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(tsaCertificate.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(tsa.chain().getLast()).isEqualTo(ca.caCertificate());
    }

    @Test
    void whatItMustNotStampGetsARejection() throws Exception {
        var request = new TimeStampRequestGenerator();
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest("x".getBytes());
        assertThat(status(tsa.respond(request.generate(TSPAlgorithms.SHA1, sha1).getEncoded()))).as("SHA-1").isEqualTo(2);
        byte[] wrongLength = new byte[20];
        assertThat(status(tsa.respond(request.generate(TSPAlgorithms.SHA256, wrongLength).getEncoded())))
                .as("a SHA-256 imprint of 20 bytes").isEqualTo(2);
        var otherPolicy = new TimeStampRequestGenerator();
        otherPolicy.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("x".getBytes());
        assertThat(status(tsa.respond(otherPolicy.generate(TSPAlgorithms.SHA256, digest).getEncoded())))
                .as("another policy").isEqualTo(2);
        for (byte[] garbage : List.of(new byte[0], "not DER".getBytes(), new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                new byte[TimestampAuthority.MAX_REQUEST_BYTES + 1])) {
            assertThat(status(tsa.respond(garbage))).isEqualTo(2);
        }
    }

    private static int status(byte[] response) throws Exception {
        TimeStampResponse parsed = new TimeStampResponse(response);
        assertThat(parsed.getTimeStampToken()).isNull();
        return parsed.getStatus();
    }
}
