package trade.caravan.documents.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the installation knows of external certificate authorities: how long the signer waits for
 * their CRLs and OCSP responders ({@code caravan.pki.revocation-timeout}) and whether those may be on
 * private addresses ({@code caravan.pki.revocation-private-addresses}), and the roots its
 * signature verification trusts besides its own CA
 * ({@code caravan.pki.trusted-roots}): each entry a PEM file of one or more certificates, or a
 * directory whose {@code .pem}, {@code .crt} and {@code .cer} files are read. Read once at start;
 * a file that does not parse stops the start, so a trust decision is never silently dropped.
 * Empty by default: trusting an external root is the operator's decision, not an organization's.
 */
@Component
public class ExternalAuthorities {

    private static final Logger log = LoggerFactory.getLogger(ExternalAuthorities.class);

    private final List<X509Certificate> trustedRoots;
    private final java.time.Duration revocationTimeout;
    private final boolean revocationFromPrivateAddresses;

    ExternalAuthorities(PkiSettings settings) {
        this.trustedRoots = load(settings.trustedRoots());
        this.revocationTimeout = settings.revocationTimeout();
        this.revocationFromPrivateAddresses = settings.revocationPrivateAddresses();
    }

    /**
     * Whether the signer may fetch an external CA's CRL or OCSP answer from a loopback or private
     * network address ({@code caravan.pki.revocation-private-addresses}, off by default: the URLs
     * are in certificates that organizations upload).
     */
    public boolean revocationFromPrivateAddresses() {
        return revocationFromPrivateAddresses;
    }

    /** The roots of {@code caravan.pki.trusted-roots}, which verification trusts as it trusts the platform CA. */
    public List<X509Certificate> trustedRoots() {
        return trustedRoots;
    }

    /** How long to wait to connect to, and then to read from, an external CA's CRL or OCSP URL. */
    public java.time.Duration revocationTimeout() {
        return revocationTimeout;
    }

    static List<X509Certificate> load(List<String> locations) {
        List<X509Certificate> roots = new ArrayList<>();
        for (String location : locations) {
            if (location.isBlank()) {
                continue;
            }
            Path path = Path.of(location.strip());
            try {
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.list(path)) {
                        for (Path file : files.filter(ExternalAuthorities::isCertificateFile).sorted().toList()) {
                            roots.addAll(read(file));
                        }
                    }
                } else {
                    roots.addAll(read(path));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("caravan.pki.trusted-roots: cannot read " + path, e);
            }
        }
        roots.forEach(root -> log.info("Trusting the external root {} for signature verification",
                root.getSubjectX500Principal().getName()));
        return List.copyOf(roots);
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer"));
    }

    private static List<X509Certificate> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (read.isEmpty()) {
                throw new IllegalStateException("caravan.pki.trusted-roots: no certificate in " + file);
            }
            return read;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("caravan.pki.trusted-roots: " + file + " is not a PEM certificate file", e);
        }
    }
}
