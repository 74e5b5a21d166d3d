package trade.caravan.documents.pki;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.TenantPrincipal;

/** The caller's organization's signing certificate over the API; {@code documents:sign} only. */
@RestController
@PreAuthorize("hasAuthority('documents:sign')")
@Tag(name = "Signing certificate", description = "The certificate the caller's organization signs documents with, "
        + "and its own certificate from an external CA (PKCS#12)")
class SigningCertificateApi {

    private static final String PATH = "/api/v1/organization/signing-certificate";

    private final OrganizationCredentials credentials;
    private final UploadedCredentials uploaded;
    private final PkiSettings settings;

    SigningCertificateApi(OrganizationCredentials credentials, UploadedCredentials uploaded, PkiSettings settings) {
        this.credentials = credentials;
        this.uploaded = uploaded;
        this.settings = settings;
    }

    @GetMapping(PATH)
    @Operation(summary = "The certificate the organization signs with, and its uploaded one",
            description = "inUse: the uploaded certificate while it is valid, else the platform-issued one (null until "
                    + "the organization first signs); uploaded: the uploaded certificate, valid or not, or null. "
                    + "Never a private key.")
    OrganizationCredentials.Certificates get(@AuthenticationPrincipal TenantPrincipal principal) {
        return credentials.certificatesOf(principal.organizationId());
    }

    @PutMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the organization's certificate from an external CA, replacing an earlier upload",
            description = "Multipart: file (PKCS#12, at most caravan.pki.max-upload-bytes, 64 KiB) and password. "
                    + "Refused with 400 and the broken rule's code (error.certificate.*): unreadable file or wrong "
                    + "password; not exactly one private key; key not EC P-256/P-384 or RSA of 2048 bits or more; key "
                    + "and certificate do not match; certificate not valid now or for less than 30 more days; a CA "
                    + "certificate; key usage without digital signature or non-repudiation; no organization (O) in "
                    + "the subject; MD5 or SHA-1 in the chain; a chain that does not build to the self-signed root in "
                    + "the file. Revocation is not checked on upload.")
    SigningCertificate put(@AuthenticationPrincipal TenantPrincipal principal, Authentication authentication,
            @RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(defaultValue = "") String password) {
        return uploaded.upload(principal.organizationId(), authentication.getName(),
                Pkcs12Upload.read(file, settings.maxUploadBytes().toBytes()), password.toCharArray());
    }

    @DeleteMapping(PATH)
    @Operation(summary = "Remove the uploaded certificate: the organization signs with the platform-issued one again",
            description = "404 when the organization has no uploaded certificate.")
    ResponseEntity<Void> delete(@AuthenticationPrincipal TenantPrincipal principal, Authentication authentication) {
        if (!uploaded.remove(principal.organizationId(), authentication.getName())) {
            throw DomainException.notFound();
        }
        return ResponseEntity.noContent().build();
    }
}
