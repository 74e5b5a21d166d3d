package trade.caravan.documents.verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;

import trade.caravan.documents.DocumentVerification;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.Verdict;
import trade.caravan.documents.Verdict.Format;
import trade.caravan.documents.Verdict.LogPosition;
import trade.caravan.documents.Verdict.Outcome;

/**
 * {@link DocumentVerification} with EU DSS and no Spring: the server runs it with the platform's
 * CA and a fresh CRL as the trust setup and the live log, the offline verifier with a trust anchor
 * from a file, only the revocation data embedded in the document, and a receipt.
 *
 * <p>DSS's indications map one to one: TOTAL_PASSED is VALID, TOTAL_FAILED is INVALID, anything
 * else INDETERMINATE; the document is as good as its worst signature. A PDF with no signature is
 * UNSIGNED. XML is parsed by {@link HardenedXml} first, which refuses any DOCTYPE; XML with an
 * XML signature is then validated as XAdES by DSS, which parses it with its own hardened parser.
 */
public final class DssVerification implements DocumentVerification {

    /** Where the verdict finds the document in the transparency log, by its SHA-256. */
    @FunctionalInterface
    public interface LogLookup {
        LogPosition find(byte[] documentHash);
    }

    private static final Logger log = LoggerFactory.getLogger(DssVerification.class);
    private static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final long MAX_PDF_MEMORY = 128L * 1024 * 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** DSS's default validation policy, parsed once: parsing it costs more than many a validation. */
    private static volatile @Nullable ValidationPolicy defaultPolicy;

    private final Supplier<? extends CertificateVerifier> verifiers;
    private final Clock clock;
    private final LogLookup logLookup;

    public DssVerification(Supplier<? extends CertificateVerifier> verifiers, Clock clock, LogLookup logLookup) {
        this.verifiers = verifiers;
        this.clock = clock;
        this.logLookup = logLookup;
    }

    @Override
    public Verdict verify(byte[] document) {
        if (document.length == 0) {
            return rejected("empty", Format.UNKNOWN, "");
        }
        if (document.length > MAX_BYTES) {
            return rejected("too-large", Format.UNKNOWN, "");
        }
        byte[] sha256 = Merkle.documentHash(document);
        String hex = HexFormat.of().formatHex(sha256);
        if (isPdf(document)) {
            return signed(document, sha256, hex, Format.PDF);
        }
        if (looksLikeXml(document)) {
            return xml(document, sha256, hex);
        }
        return rejected("not-a-document", Format.UNKNOWN, hex);
    }

    private Verdict signed(byte[] document, byte[] sha256, String hex, Format format) {
        Reports reports;
        try {
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(
                    format == Format.PDF ? new InMemoryDocument(document, "document.pdf", MimeTypeEnum.PDF)
                            : new InMemoryDocument(document, "document.xml", MimeTypeEnum.XML));
            if (validator instanceof PDFDocumentValidator pdfValidator) {
                pdfValidator.setPdfObjFactory(boundedPdfReading());
            }
            validator.setCertificateVerifier(verifiers.get());
            validator.setValidationTime(Date.from(clock.instant()));
            reports = validator.validateDocument(policy());
        } catch (RuntimeException unreadable) {
            // a hostile or broken file may fail anywhere in PDFBox, Santuario or DSS; the user gets an answer, not a 500
            log.info("A {} could not be validated: {}", format, unreadable.toString());
            return rejected(format == Format.PDF ? "pdf-unreadable" : "xml-signature-unreadable", format, hex);
        }
        LogPosition position = logLookup.find(sha256);
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<Verdict.Signature> signatures = new ArrayList<>();
        boolean modified = false;
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            signatures.add(signature(id, simple, signature));
            modified |= signature != null && (signature.arePdfModificationsDetected()
                    || !signature.getPdfUndefinedChanges().isEmpty());
        }
        if (signatures.isEmpty()) {
            return new Verdict(Outcome.UNSIGNED, "unsigned", format, false, hex, List.of(), position);
        }
        boolean unchanged = !modified && signatures.stream().allMatch(Verdict.Signature::intact);
        Outcome outcome = signatures.stream().map(Verdict.Signature::outcome).max(Comparator.comparingInt(DssVerification::severity))
                .orElseThrow();
        String reason = signatures.stream().filter(s -> s.outcome() == outcome && outcome != Outcome.VALID)
                .map(s -> s.outcome() == Outcome.INVALID && "REVOKED_NO_POE".equals(s.subIndication())
                        ? "revoked-before-signing" : s.subIndication() == null ? s.indication() : s.subIndication())
                .findFirst().orElse(null);
        if (outcome == Outcome.VALID && !unchanged) {
            // DSS passed each signature, yet something was added after them that is not validation material
            return new Verdict(Outcome.INDETERMINATE, "changed-after-signing", format, false, hex, signatures, position);
        }
        return new Verdict(outcome, reason, format, unchanged, hex, signatures, position);
    }

    private Verdict xml(byte[] document, byte[] sha256, String hex) {
        Document dom;
        try {
            dom = HardenedXml.parse(document);
        } catch (HardenedXml.Refused refused) {
            return rejected(refused.doctype() ? "xml-doctype" : "xml-malformed", Format.XML, hex);
        }
        if (dom.getElementsByTagNameNS(XMLDSIG, "Signature").getLength() > 0) {
            // XAdES: DSS parses it again with its own hardened parser (DomUtils, DOCTYPE disallowed)
            return signed(document, sha256, hex, Format.XML);
        }
        return new Verdict(Outcome.UNSIGNED, "unsigned", Format.XML, false, hex, List.of(), logLookup.find(sha256));
    }

    private Verdict.Signature signature(String id, SimpleReport simple, @Nullable SignatureWrapper signature) {
        Indication indication = simple.getIndication(id);
        SubIndication subIndication = simple.getSubIndication(id);
        SignatureLevel level = simple.getSignatureFormat(id);
        List<String> errors = simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList();
        Outcome outcome = switch (indication) {
            case TOTAL_PASSED -> Outcome.VALID;
            case TOTAL_FAILED, FAILED -> Outcome.INVALID;
            default -> Outcome.INDETERMINATE;
        };
        if (signature == null) {
            return new Verdict.Signature(id, outcome, indication.name(), name(subIndication), level == null ? null : level.toString(),
                    false, new Verdict.Signer(null, null, null), null, null,
                    new Verdict.Certificate(null, null, null, null, false, false), Verdict.Revocation.unknown(), errors);
        }
        boolean intact = signature.isSignatureIntact() && signature.isSignatureValid()
                && !signature.getDigestMatchers().isEmpty()
                && signature.getDigestMatchers().stream().allMatch(XmlDigestMatcher::isDataIntact);
        Instant trustedTime = signature.getTimestampList().stream()
                .filter(t -> t.getType() != null && t.getType().coversSignature())
                .filter(DssVerification::trusted)
                .map(TimestampWrapper::getProductionTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).map(Date::toInstant).orElse(null);
        Instant claimed = signature.getClaimedSigningTime() == null ? null : signature.getClaimedSigningTime().toInstant();
        CertificateWrapper certificate = signature.getSigningCertificate();
        Verdict.Signer signer = certificate == null ? new Verdict.Signer(null, null, null)
                : new Verdict.Signer(certificate.getCommonName(), certificate.getOrganizationName(), certificate.getCountryName());
        Verdict.Revocation revocation = revocation(certificate);
        if (revokedBeforeSigning(subIndication, revocation, claimed, trustedTime)) {
            // DSS cannot prove the signature existed before the revocation (REVOKED_NO_POE); here the
            // signer's own signing time, and the timestamp, are after it: signed with a revoked key
            outcome = Outcome.INVALID;
        }
        return new Verdict.Signature(id, outcome, indication.name(), name(subIndication), level == null ? null : level.toString(),
                intact, signer, trustedTime, claimed, certificate(certificate, signature, trustedTime != null ? trustedTime : claimed),
                revocation, errors);
    }

    /**
     * The signing certificate was revoked before the time the signature itself claims (and before
     * its trusted timestamp, if any): by the signer's own account it signed with a revoked key.
     */
    static boolean revokedBeforeSigning(@Nullable SubIndication subIndication, Verdict.Revocation revocation,
            @Nullable Instant claimed, @Nullable Instant trustedTime) {
        Instant revokedAt = revocation.revokedAt();
        return subIndication == SubIndication.REVOKED_NO_POE && revocation.status() == Verdict.RevocationStatus.REVOKED
                && revokedAt != null && claimed != null && !revokedAt.isAfter(claimed)
                && (trustedTime == null || !revokedAt.isAfter(trustedTime));
    }

    private static Verdict.Certificate certificate(@Nullable CertificateWrapper certificate, SignatureWrapper signature,
            @Nullable Instant signedAt) {
        if (certificate == null) {
            return new Verdict.Certificate(null, null, null, null, false, false);
        }
        Instant notBefore = certificate.getNotBefore() == null ? null : certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter() == null ? null : certificate.getNotAfter().toInstant();
        boolean validThen = signedAt != null && notBefore != null && notAfter != null && !signedAt.isBefore(notBefore)
                && !signedAt.isAfter(notAfter);
        String serial = certificate.getSerialNumber();
        return new Verdict.Certificate(serial == null ? null : hexSerial(serial), certificate.getCertificateIssuerDN(),
                notBefore, notAfter, validThen, signature.isTrustedChain());
    }

    /** DSS gives the serial in decimal; certificates and CRLs are read in hex. */
    private static String hexSerial(String serial) {
        try {
            return new java.math.BigInteger(serial).toString(16);
        } catch (NumberFormatException notDecimal) {
            return serial;
        }
    }

    private static Verdict.Revocation revocation(@Nullable CertificateWrapper certificate) {
        if (certificate == null || certificate.getCertificateRevocationData().isEmpty()) {
            return Verdict.Revocation.unknown();
        }
        List<CertificateRevocationWrapper> data = certificate.getCertificateRevocationData();
        // a revocation, once published, stands; otherwise the newest known answer
        for (CertificateRevocationWrapper each : data) {
            if (each.isRevoked()) {
                return new Verdict.Revocation(Verdict.RevocationStatus.REVOKED,
                        each.getRevocationDate() == null ? null : each.getRevocationDate().toInstant(),
                        each.getReason() == null ? null : each.getReason().name(), instant(each.getThisUpdate()));
            }
        }
        return data.stream().filter(CertificateRevocationWrapper::isKnown)
                .max(Comparator.comparing(each -> each.getThisUpdate() == null ? new Date(0) : each.getThisUpdate()))
                .map(each -> new Verdict.Revocation(Verdict.RevocationStatus.GOOD, null, null, instant(each.getThisUpdate())))
                .orElse(Verdict.Revocation.unknown());
    }

    private static boolean trusted(TimestampWrapper timestamp) {
        return timestamp.isMessageImprintDataIntact() && timestamp.isSignatureIntact() && timestamp.isSignatureValid()
                && timestamp.isTrustedChain();
    }

    private static int severity(Outcome outcome) {
        return switch (outcome) {
            case VALID -> 0;
            case INDETERMINATE -> 1;
            default -> 2;
        };
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static @Nullable String name(@Nullable SubIndication subIndication) {
        return subIndication == null ? null : subIndication.name();
    }

    private static Verdict rejected(String reason, Format format, String hex) {
        return new Verdict(Outcome.REJECTED, reason, format, false, hex, List.of(), LogPosition.notLogged(0, false));
    }

    /**
     * PDFBox as DSS uses it, bounded for files from strangers: at most 128 MB of buffers for one
     * document (more fails the read, which becomes "could not be read"), and no rendering of pages
     * to compare signed revisions visually (a page's images can claim any size). Changes after a
     * signature are still found by DSS's comparison of the revisions' objects, which
     * {@link #signed} turns into "changed after signing" where DSS's policy only notes them.
     */
    private static PdfBoxDefaultObjectFactory boundedPdfReading() {
        var factory = new PdfBoxDefaultObjectFactory();
        factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.memoryBuffered(MAX_PDF_MEMORY));
        var differences = new DefaultPdfDifferencesFinder();
        differences.setMaximalPagesAmountForVisualComparison(0);
        factory.setPdfDifferencesFinder(differences);
        return factory;
    }


    static ValidationPolicy policy() {
        ValidationPolicy policy = defaultPolicy;
        if (policy == null) {
            policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
            defaultPolicy = policy;
        }
        return policy;
    }

    /** A PDF header in the first kilobyte, as PDF readers accept it. */
    static boolean isPdf(byte[] bytes) {
        int end = Math.min(bytes.length, 1024) - PDF_MAGIC.length;
        for (int i = 0; i <= end; i++) {
            if (java.util.Arrays.equals(bytes, i, i + PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
                return true;
            }
        }
        return false;
    }

    /** Starts with '<' after an optional byte order mark and white space. */
    static boolean looksLikeXml(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return true; // UTF-16 with a byte order mark: the parser decides
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }
}
