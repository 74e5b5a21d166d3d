package trade.caravan.documents.signing;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.documents.DocumentSigning;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.pki.OrganizationCredentials;
import trade.caravan.documents.pki.SigningCredential;

@Service
class OrganizationSigning implements DocumentSigning {

    private final OrganizationCredentials credentials;
    private final PadesSigner signer;

    OrganizationSigning(OrganizationCredentials credentials, PadesSigner signer) {
        this.credentials = credentials;
        this.signer = signer;
    }

    @Override
    @Transactional
    public Signed sign(byte[] pdf, Signatory signatory, String reason) {
        SigningCredential credential = credentials.of(signatory.organization(), signatory.legalName(), signatory.country());
        byte[] signed = signer.sign(pdf, credential, reason);
        return new Signed(signed, Merkle.documentHash(signed), readable(credential.certificate().getSubjectX500Principal()),
                readable(credential.certificate().getIssuerX500Principal()), credential.serial());
    }

    /** A distinguished name as people read it: attribute names, not OIDs and hex (RFC 2253 shows organizationIdentifier so). */
    static String readable(X500Principal name) {
        return X500Name.getInstance(BCStyle.INSTANCE, name.getEncoded()).toString();
    }

}
