package trade.caravan.documents.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The documents-certificates bundle: English and Chinese have the same keys, and every refusal code
 * of the upload check and every key of the signing certificate page has a text in both.
 */
class CertificateMessagesTests {

    private static final Pattern CODE_IN_JAVA = Pattern.compile("\"(error\\.(?:certificate|signing)\\.[a-z-]+)\"");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{'?(signing-certificate\\.[a-zA-Z0-9.-]+?)'?[}(]");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                CertificateMessagesTests.class.getResourceAsStream("/i18n/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(bundle("documents-certificates_zh_CN").stringPropertyNames()).isNotEmpty()
                .isEqualTo(bundle("documents-certificates").stringPropertyNames());
    }

    @Test
    void everyCodeAndKeyInUseHasATextInBothLanguages() throws IOException {
        Set<String> used = new HashSet<>();
        for (SigningCertificate.Source source : SigningCertificate.Source.values()) {
            used.add("signing-certificate.source." + source);
        }
        for (String module : new String[] {"pki", "signing"}) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/trade/caravan/documents", module))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = CODE_IN_JAVA.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        Matcher matcher = KEY_IN_TEMPLATE.matcher(Files.readString(Path.of("src/main/resources/templates/documents/signing-certificate.html")));
        while (matcher.find()) {
            if (!matcher.group(1).endsWith(".")) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).contains("error.certificate.chain", "error.certificate.iterations", "error.signing.external-certificate",
                        "signing-certificate.title")
                .hasSizeGreaterThan(35);
        assertThat(bundle("documents-certificates").stringPropertyNames()).containsAll(used);
        assertThat(bundle("documents-certificates_zh_CN").stringPropertyNames()).containsAll(used);
    }
}
