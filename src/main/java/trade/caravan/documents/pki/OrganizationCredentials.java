package trade.caravan.documents.pki;

import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.OrganizationId;

/**
 * Which credential an organization signs with: the one it uploaded from an external CA when it has
 * one whose certificate is valid now, else the one the platform's CA issues it.
 */
@Service
public class OrganizationCredentials {

    private final CertificateAuthority ca;
    private final UploadedCredentials uploaded;
    private final Clock clock;

    OrganizationCredentials(CertificateAuthority ca, UploadedCredentials uploaded, Clock clock) {
        this.ca = ca;
        this.uploaded = uploaded;
        this.clock = clock;
    }

    @Transactional
    public SigningCredential of(OrganizationId organization, String legalName, CountryCode country) {
        return uploaded.usable(organization).orElseGet(() -> ca.credentialOf(organization, legalName, country));
    }

    /**
     * The certificates of an organization: the one it signs with now ({@code null} when it has
     * uploaded none that is valid and the platform has not issued it one yet: that happens at its
     * first signature), and its uploaded one, valid or not.
     */
    public record Certificates(@Nullable SigningCertificate inUse, @Nullable SigningCertificate uploaded) {
    }

    @Transactional(readOnly = true)
    public Certificates certificatesOf(OrganizationId organization) {
        Optional<SigningCertificate> upload = uploaded.current(organization);
        Optional<SigningCertificate> inUse = upload.filter(certificate -> certificate.validAt(clock.instant()))
                .or(() -> ca.currentCertificateOf(organization)
                        .map(certificate -> SigningCertificate.of(certificate, SigningCertificate.Source.PLATFORM, null, null)));
        return new Certificates(inUse.orElse(null), upload.orElse(null));
    }
}
