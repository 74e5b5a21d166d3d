package trade.caravan.documents.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import trade.caravan.documents.pki.ExternalCa.Leaf;

/**
 * Every rule an uploaded PKCS#12 file must meet, one file per broken rule, each refused with its
 * own message code, and never with anything but a {@link CertificateRefused}.
 */
class UploadedCertificateCheckTests {

    private static final String ORG = "CN=Hamburger Kontor GmbH,O=Hamburger Kontor GmbH,C=DE";
    private static final long LIMIT = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExternalCa root = ExternalCa.root("CN=Test Root CA,O=Test Trust Services,C=DE", "http://localhost:1/crl");

    @Test
    void aGoodEcP256CertificateFromAnExternalCaIsAccepted() {
        Leaf leaf = Leaf.good(ORG);
        UploadedCertificateCheck.Checked checked = check(root.pkcs12(leaf, root.certificate()));
        assertThat(checked.chain()).hasSize(2);
        assertThat(checked.chain().getLast()).isEqualTo(root.certificate());
        assertThat(checked.key().getEncoded()).isEqualTo(leaf.keys().getPrivate().getEncoded());
    }

    @Test
    void rsa2048P384AndAnIntermediateAreAccepted() {
        assertThat(check(root.pkcs12(Leaf.good(ORG).withKeys(ExternalCa.rsa(2048)), root.certificate())).chain()).hasSize(2);
        assertThat(check(root.pkcs12(Leaf.good(ORG).withKeys(ExternalCa.ec("secp384r1")), root.certificate())).chain())
                .hasSize(2);
        ExternalCa intermediate = root.intermediate("CN=Test Issuing CA,O=Test Trust Services,C=DE");
        assertThat(check(intermediate.pkcs12(Leaf.good(ORG), intermediate.certificate(), root.certificate())).chain())
                .hasSize(3);
        // key usage absent is allowed; only one of the two signing bits is enough
        check(root.pkcs12(Leaf.good(ORG).keyUsage(null), root.certificate()));
        check(root.pkcs12(Leaf.good(ORG).keyUsage(KeyUsage.nonRepudiation), root.certificate()));
    }

    @Test
    void anEmptyOrOversizedFileIsRefusedBeforeParsing() {
        refused(new byte[0], "error.certificate.missing");
        refused(new byte[(int) LIMIT + 1], "error.certificate.too-large");
    }

    @Test
    void garbageIsUnreadableNotAnError() {
        byte[] garbage = new byte[2048];
        RANDOM.nextBytes(garbage);
        refused(garbage, "error.certificate.unreadable");
        refused("-----BEGIN CERTIFICATE-----\nAAAA\n".getBytes(), "error.certificate.unreadable");
        // a DER sequence that claims far more than it holds
        refused(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x03},
                "error.certificate.unreadable");
        // a real file cut short
        byte[] good = root.pkcs12(Leaf.good(ORG), root.certificate());
        refused(java.util.Arrays.copyOf(good, good.length / 2), "error.certificate.unreadable");
    }

    @Test
    void aFileAskingForTooManyKeyDerivationIterationsIsRefusedBeforeAnyDerivation() throws Exception {
        byte[] good = root.pkcs12(Leaf.good(ORG), root.certificate());
        // the JDK's own files pass (10,000 iterations for the MAC and each PBKDF2)
        UploadedCertificateCheck.boundedWork(good);
        org.bouncycastle.asn1.pkcs.Pfx pfx = org.bouncycastle.asn1.pkcs.Pfx.getInstance(good);
        org.bouncycastle.asn1.pkcs.MacData mac = pfx.getMacData();
        byte[] costly = new org.bouncycastle.asn1.pkcs.Pfx(pfx.getAuthSafe(), new org.bouncycastle.asn1.pkcs.MacData(
                mac.getMac(), mac.getSalt(), 50_000_000)).getEncoded("DER");
        long started = System.nanoTime();
        refused(costly, "error.certificate.iterations");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        // the same inside: a PBKDF2 parameter block nested in the encrypted key bag
        byte[] nested = withPbkdf2Iterations(good, 20_000_000);
        refused(nested, "error.certificate.iterations");
    }

    /** The file with every PBKDF2 iteration count set to {@code iterations}, nested contents included (MAC dropped). */
    private static byte[] withPbkdf2Iterations(byte[] pkcs12, int iterations) throws Exception {
        org.bouncycastle.asn1.pkcs.Pfx pfx = org.bouncycastle.asn1.pkcs.Pfx.getInstance(pkcs12);
        var contentInfo = (org.bouncycastle.asn1.pkcs.ContentInfo) org.bouncycastle.asn1.pkcs.ContentInfo.getInstance(
                rewrite(pfx.getAuthSafe().toASN1Primitive(), iterations));
        return new org.bouncycastle.asn1.pkcs.Pfx(contentInfo, null).getEncoded("DER");
    }

    private static org.bouncycastle.asn1.ASN1Primitive rewrite(org.bouncycastle.asn1.ASN1Primitive node, int iterations)
            throws Exception {
        switch (node) {
            case org.bouncycastle.asn1.ASN1Sequence sequence -> {
                if (sequence.size() == 2 && org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_PBKDF2
                        .equals(sequence.getObjectAt(0))) {
                    var params = org.bouncycastle.asn1.pkcs.PBKDF2Params.getInstance(sequence.getObjectAt(1));
                    return new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                            sequence.getObjectAt(0), new org.bouncycastle.asn1.pkcs.PBKDF2Params(params.getSalt(),
                            iterations, params.getPrf())});
                }
                var vector = new org.bouncycastle.asn1.ASN1EncodableVector();
                for (var element : sequence) {
                    vector.add(rewrite(element.toASN1Primitive(), iterations));
                }
                return new org.bouncycastle.asn1.DERSequence(vector);
            }
            case org.bouncycastle.asn1.ASN1Set set -> {
                var vector = new org.bouncycastle.asn1.ASN1EncodableVector();
                for (var element : set) {
                    vector.add(rewrite(element.toASN1Primitive(), iterations));
                }
                return new org.bouncycastle.asn1.DERSet(vector);
            }
            case org.bouncycastle.asn1.ASN1TaggedObject tagged -> {
                return new org.bouncycastle.asn1.DERTaggedObject(tagged.isExplicit(), tagged.getTagClass(), tagged.getTagNo(),
                        rewrite(tagged.getBaseObject().toASN1Primitive(), iterations));
            }
            case org.bouncycastle.asn1.ASN1OctetString octets -> {
                byte[] content = octets.getOctets();
                if (content.length > 1 && content[0] == 0x30) {
                    try {
                        return new org.bouncycastle.asn1.DEROctetString(
                                rewrite(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(content), iterations).getEncoded("DER"));
                    } catch (java.io.IOException notDer) {
                        return node;
                    }
                }
                return node;
            }
            default -> {
                return node;
            }
        }
    }

    @Test
    void aWrongPasswordIsSaidSo() {
        byte[] file = root.pkcs12(Leaf.good(ORG), root.certificate());
        assertThatThrownBy(() -> UploadedCertificateCheck.check(file, "wrong".toCharArray(), Instant.now(), LIMIT, RANDOM))
                .isInstanceOfSatisfying(CertificateRefused.class,
                        e -> assertThat(e.messageCode()).isEqualTo("error.certificate.password"));
    }

    @Test
    void notExactlyOnePrivateKeyIsRefused() throws Exception {
        KeyStore none = KeyStore.getInstance("PKCS12");
        none.load(null, null);
        none.setCertificateEntry("root", root.certificate());
        refused(ExternalCa.store(none), "error.certificate.key-count");

        KeyStore two = KeyStore.getInstance("PKCS12");
        two.load(null, null);
        Leaf first = Leaf.good(ORG);
        Leaf second = Leaf.good(ORG);
        two.setKeyEntry("first", first.keys().getPrivate(), ExternalCa.PASSWORD,
                new X509Certificate[] {root.issue(first), root.certificate()});
        two.setKeyEntry("second", second.keys().getPrivate(), ExternalCa.PASSWORD,
                new X509Certificate[] {root.issue(second), root.certificate()});
        refused(ExternalCa.store(two), "error.certificate.key-count");
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsRefused() {
        Leaf leaf = Leaf.good(ORG);
        KeyPair other = ExternalCa.ec("secp256r1");
        refused(ExternalCa.pkcs12(other.getPrivate(), root.issue(leaf), root.certificate()), "error.certificate.key-mismatch");
        // an RSA key with an EC certificate
        refused(ExternalCa.pkcs12(ExternalCa.rsa(2048).getPrivate(), root.issue(leaf), root.certificate()),
                "error.certificate.key-mismatch");
    }

    @Test
    void weakOrUnusualKeysAreRefused() {
        refused(root.pkcs12(Leaf.good(ORG).withKeys(ExternalCa.rsa(1024)), root.certificate()), "error.certificate.key-type");
        refused(root.pkcs12(Leaf.good(ORG).withKeys(ExternalCa.ec("secp521r1")), root.certificate()),
                "error.certificate.key-type");
    }

    @Test
    void aCertificateNotValidNowOrExpiringSoonIsRefused() {
        Instant now = Instant.now();
        refused(root.pkcs12(Leaf.good(ORG).validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))),
                root.certificate()), "error.certificate.not-valid");
        refused(root.pkcs12(Leaf.good(ORG).validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(400))),
                root.certificate()), "error.certificate.not-valid");
        refused(root.pkcs12(Leaf.good(ORG).validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(29))),
                root.certificate()), "error.certificate.expires-soon");
    }

    @Test
    void keyUsageWithoutSigningIsRefused() {
        refused(root.pkcs12(Leaf.good(ORG).keyUsage(KeyUsage.keyEncipherment | KeyUsage.dataEncipherment),
                root.certificate()), "error.certificate.key-usage");
    }

    @Test
    void aCaCertificateIsRefused() {
        refused(root.pkcs12(Leaf.good(ORG).asCa(), root.certificate()), "error.certificate.ca-certificate");
    }

    @Test
    void aSubjectWithoutAnOrganizationIsRefused() {
        refused(root.pkcs12(Leaf.good("CN=Anna Schmidt,C=DE"), root.certificate()), "error.certificate.no-organization");
    }

    @Test
    void sha1InTheChainIsRefused() {
        refused(root.pkcs12(Leaf.good(ORG).signedWith("SHA1withECDSA"), root.certificate()),
                "error.certificate.weak-algorithm");
        ExternalCa rsaRoot = rsaRoot();
        refused(rsaRoot.pkcs12(Leaf.good(ORG).withKeys(ExternalCa.rsa(2048)).signedWith("SHA1withRSA"),
                rsaRoot.certificate()), "error.certificate.weak-algorithm");
    }

    @Test
    void aRootsSha1SignatureOnItselfDoesNotCount() {
        // old roots signed themselves with SHA-1; no validator checks a trust anchor's own signature
        ExternalCa oldRoot = ExternalCa.root("CN=Old Root,O=Test Trust Services,C=DE", null, ExternalCa.ec("secp256r1"),
                "SHA1withECDSA");
        assertThat(check(oldRoot.pkcs12(Leaf.good(ORG), oldRoot.certificate())).chain()).hasSize(2);
        // an intermediate signed with SHA-1 does count
        ExternalCa intermediate = oldRoot.intermediateSignedWith("CN=Weak Issuing CA,O=Test Trust Services,C=DE",
                "SHA1withECDSA");
        refused(intermediate.pkcs12(Leaf.good(ORG), intermediate.certificate(), oldRoot.certificate()),
                "error.certificate.weak-algorithm");
    }

    @Test
    void aChainThatDoesNotReachASelfSignedRootIsRefused() {
        Leaf leaf = Leaf.good(ORG);
        // the leaf alone: no root in the file
        refused(ExternalCa.pkcs12(leaf.keys().getPrivate(), root.issue(leaf)), "error.certificate.chain");
        // a root with the same name and another key: the signature does not verify
        ExternalCa impostor = ExternalCa.root("CN=Test Root CA,O=Test Trust Services,C=DE", null);
        refused(ExternalCa.pkcs12(leaf.keys().getPrivate(), root.issue(leaf), impostor.certificate()),
                "error.certificate.chain");
        // an intermediate whose own issuer is missing
        ExternalCa intermediate = root.intermediate("CN=Test Issuing CA,O=Test Trust Services,C=DE");
        refused(intermediate.pkcs12(Leaf.good(ORG), intermediate.certificate()), "error.certificate.chain");
    }

    private static ExternalCa rsaRoot() {
        // the weak-algorithm case for RSA needs an RSA issuer: a root whose key is RSA
        return ExternalCa.root("CN=Test RSA Root,O=Test Trust Services,C=DE", null, ExternalCa.rsa(2048));
    }

    private static UploadedCertificateCheck.Checked check(byte[] file) {
        return UploadedCertificateCheck.check(file, ExternalCa.PASSWORD.clone(), Instant.now(), LIMIT, RANDOM);
    }

    private static void refused(byte[] file, String code) {
        assertThatThrownBy(() -> check(file))
                .isInstanceOfSatisfying(CertificateRefused.class, e -> assertThat(e.messageCode()).isEqualTo(code));
    }
}
