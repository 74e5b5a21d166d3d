package trade.caravan.documents.pki;

import trade.caravan.platform.DomainException;

/** An uploaded PKCS#12 file broke one of the rules of {@link UploadedCertificateCheck}; the code names which. */
class CertificateRefused extends DomainException {

    CertificateRefused(String messageCode, Object... arguments) {
        super(Kind.INVALID, messageCode, arguments);
    }
}
