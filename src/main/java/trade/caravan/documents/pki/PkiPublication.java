package trade.caravan.documents.pki;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.platform.PublicPaths;

/**
 * What a CA publishes, without sign-in: its certificate (the URL in each issued certificate's
 * authority information access) and its current CRL (the URL in each CRL distribution point).
 */
@RestController
@Tag(name = "Certificate authority", description = "The platform CA's certificate and revocation list")
class PkiPublication {

    static final MediaType CERTIFICATE = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");

    private final CertificateAuthority ca;

    PkiPublication(CertificateAuthority ca) {
        this.ca = ca;
    }

    @GetMapping("/pki/ca.crt")
    @Operation(summary = "The CA certificate (DER), the trust anchor of the signing certificates it issues")
    ResponseEntity<byte[]> caCertificate() throws java.security.cert.CertificateEncodingException {
        return ResponseEntity.ok().contentType(CERTIFICATE).cacheControl(CacheControl.noCache())
                .body(ca.caCertificate().getEncoded());
    }

    @GetMapping("/pki/crl")
    @Operation(summary = "The current certificate revocation list (DER)")
    ResponseEntity<byte[]> crl() {
        return ResponseEntity.ok().contentType(CRL).cacheControl(CacheControl.noCache()).body(ca.crl());
    }

    @Configuration(proxyBeanMethods = false)
    static class Paths {

        @Bean
        PublicPaths pkiPaths() {
            return PublicPaths.get("/pki/ca.crt", "/pki/crl");
        }
    }
}
