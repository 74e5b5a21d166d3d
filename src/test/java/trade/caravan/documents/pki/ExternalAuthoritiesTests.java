package trade.caravan.documents.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan.pki.trusted-roots}: PEM files and directories of them; a bad file stops the start. */
class ExternalAuthoritiesTests {

    @Test
    void readsPemFilesAndDirectories(@TempDir Path directory) throws Exception {
        ExternalCa first = ExternalCa.root("CN=First Root,O=Test,C=DE", null);
        ExternalCa second = ExternalCa.root("CN=Second Root,O=Test,C=DE", null);
        ExternalCa third = ExternalCa.root("CN=Third Root,O=Test,C=DE", null);
        Path roots = Files.createDirectories(directory.resolve("roots"));
        Files.writeString(roots.resolve("first.pem"), pem(first.certificate().getEncoded()));
        Files.writeString(roots.resolve("second.crt"), pem(second.certificate().getEncoded()));
        Files.writeString(roots.resolve("notes.txt"), "not a certificate, not read");
        Path single = directory.resolve("third.pem");
        Files.writeString(single, pem(third.certificate().getEncoded()));

        assertThat(ExternalAuthorities.load(List.of(roots.toString(), single.toString(), "")))
                .containsExactly(first.certificate(), second.certificate(), third.certificate());
        assertThat(ExternalAuthorities.load(List.of())).isEmpty();
    }

    @Test
    void aFileThatIsNoCertificateStopsTheStart(@TempDir Path directory) throws Exception {
        Path bad = directory.resolve("bad.pem");
        Files.writeString(bad, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> ExternalAuthorities.load(List.of(bad.toString()))).hasMessageContaining("bad.pem");
        assertThatThrownBy(() -> ExternalAuthorities.load(List.of(directory.resolve("missing.pem").toString())))
                .hasMessageContaining("missing.pem");
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
