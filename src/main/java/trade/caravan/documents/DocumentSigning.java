package trade.caravan.documents;

import java.math.BigInteger;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * Signs a PDF on an organization's behalf as PAdES baseline B-LT: with the certificate the
 * organization uploaded from an external CA when it has a valid one, else with the one the
 * platform's CA issues it. The key never leaves the server. Each signature is an incremental
 * update, so the signatures already in the document stay valid.
 */
public interface DocumentSigning {

    Signed sign(byte[] pdf, Signatory signatory, String reason);

    /** Who signs: the organization, named as its certificate will name it. */
    record Signatory(OrganizationId organization, String legalName, CountryCode country) {
    }

    /** The signed document, its SHA-256, and the certificate that signed it. */
    record Signed(byte[] pdf, byte[] sha256, String subject, String issuer, BigInteger serial) {

        public Signed {
            pdf = pdf.clone();
            sha256 = sha256.clone();
        }

        @Override
        public byte[] pdf() {
            return pdf.clone();
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }
    }
}
