package trade.caravan.documents.pki;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * Which credential an organization signs with: today always the one the platform's CA issues it.
 */
@Service
public class OrganizationCredentials {

    private final CertificateAuthority ca;

    OrganizationCredentials(CertificateAuthority ca) {
        this.ca = ca;
    }

    @Transactional
    public SigningCredential of(OrganizationId organization, String legalName, CountryCode country) {
        return ca.credentialOf(organization, legalName, country);
    }
}
