package trade.caravan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * poppler's {@code pdfsig} (Debian: poppler-utils), a signature checker independent of DSS and
 * PDFBox, with an NSS store (libnss3-tools' {@code certutil}) that trusts only the given anchor.
 */
public final class Pdfsig {

    private Pdfsig() {
    }

    /** Whether pdfsig and certutil are installed (CI installs them). */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/pdfsig")) && Files.isExecutable(Path.of("/usr/bin/certutil"));
    }

    /** pdfsig's report on {@code pdf}, trusting {@code anchor} only; {@code directory} is a scratch folder. */
    public static String report(byte[] pdf, X509Certificate anchor, Path directory) throws Exception {
        Path file = directory.resolve("signed.pdf");
        Files.write(file, pdf);
        Path nss = Files.createDirectories(directory.resolve("nss"));
        Path anchorFile = directory.resolve("anchor.crt");
        Files.write(anchorFile, anchor.getEncoded());
        run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        run("certutil", "-A", "-d", "sql:" + nss, "-n", "anchor", "-t", "C,C,C", "-i", anchorFile.toString());
        return run("pdfsig", "-nssdir", "sql:" + nss, file.toString());
    }

    /** How many signatures the report calls valid with a trusted certificate. */
    public static int validAndTrusted(String report) {
        int valid = report.split("Signature Validation: Signature is Valid.", -1).length - 1;
        int trusted = report.split("Certificate Validation: Certificate is Trusted.", -1).length - 1;
        return Math.min(valid, trusted);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
