package trade.caravan.sourcing;

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
 * The sourcing bundle: English and Chinese have the same keys, and every message code the
 * module's code and templates use, and every state and payment term, has a text.
 */
class SourcingMessagesTests {

    private static final Pattern CODE_IN_JAVA = Pattern.compile("\"((?:error|mail)\\.sourcing[a-z0-9.-]*|mail\\.[a-z-]+\\.[a-z]+)\"");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("#\\{'?((?:sourcing|negotiation)\\.[a-zA-Z0-9.-]+?)'?[}(]");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                SourcingMessagesTests.class.getResourceAsStream("/i18n/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(bundle("sourcing_zh_CN").stringPropertyNames()).isNotEmpty()
                .isEqualTo(bundle("sourcing").stringPropertyNames());
    }

    @Test
    void everyCodeAndKeyInUseHasATextInBothLanguages() throws IOException {
        Set<String> used = new HashSet<>();
        for (NegotiationState state : NegotiationState.values()) {
            used.add("negotiation.state." + state);
        }
        for (PaymentTerms terms : PaymentTerms.values()) {
            used.add("payment-terms." + terms);
        }
        for (String kind : new String[] {"REQUESTED", "OFFER", "ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED"}) {
            used.add("sourcing.timeline." + kind);
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/trade/caravan/sourcing"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = CODE_IN_JAVA.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/sourcing"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = KEY_IN_TEMPLATE.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!key.endsWith(".")) {
                        used.add(key);
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(bundle("sourcing").stringPropertyNames()).containsAll(used);
        assertThat(bundle("sourcing_zh_CN").stringPropertyNames()).containsAll(used);
    }
}
