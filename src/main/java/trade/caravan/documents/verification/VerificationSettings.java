package trade.caravan.documents.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code caravan.documents.verify.*}: how many documents one client address may have checked per
 * minute, page and API together (each check parses up to 20 MB and runs DSS).
 */
@ConfigurationProperties("caravan.documents.verify")
record VerificationSettings(int perAddressPerMinute) {

    VerificationSettings {
        perAddressPerMinute = perAddressPerMinute <= 0 ? 20 : perAddressPerMinute;
    }
}
