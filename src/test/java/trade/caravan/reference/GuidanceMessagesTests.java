package trade.caravan.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import trade.caravan.shared.CountryCode;

/**
 * The guidance bundle: both languages have the same keys, every key the guidance can produce is
 * there, and every trade document has a name.
 */
class GuidanceMessagesTests {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                GuidanceMessagesTests.class.getResourceAsStream("/i18n/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(bundle("reference-guidance_zh_CN").stringPropertyNames())
                .isNotEmpty()
                .isEqualTo(bundle("reference-guidance").stringPropertyNames());
    }

    @Test
    void everyKeyTheGuidanceUsesIsTranslated() throws IOException {
        Set<String> used = new HashSet<>();
        IncotermGuidance guidance = new IncotermGuidance(code -> !code.value().equals("XX"));
        CountryCode cn = new CountryCode("CN");
        for (Incoterm rule : Incoterm.values()) {
            for (DeliveryPlace place : DeliveryPlace.values()) {
                for (CountryCode destination : new CountryCode[] {new CountryCode("DE"), cn, new CountryCode("XX")}) {
                    Guidance guided = guidance.guide(rule, place, cn, destination);
                    used.addAll(guided.warnings());
                    used.addAll(guided.notes());
                    guided.stages().forEach(stage -> {
                        used.add("reference.guidance.stage." + stage.stage().name());
                        if (stage.note() != null) {
                            used.add(stage.note());
                        }
                    });
                    guided.documents().forEach(document -> used.add(document.reason()));
                }
            }
        }
        for (TradeDocument document : TradeDocument.values()) {
            used.add("trade-document." + document.name());
        }
        for (String language : new String[] {"reference-guidance", "reference-guidance_zh_CN"}) {
            Set<String> keys = bundle(language).stringPropertyNames();
            assertThat(used.stream().filter(key -> !keys.contains(key)).collect(Collectors.toSet()))
                    .as(language).isEmpty();
        }
    }
}
