package trade.caravan.accounts.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code caravan.sign-up.*}: how many sign-ups one client address may make per hour (page and API together). */
@ConfigurationProperties("caravan.sign-up")
record SignUpSettings(int perAddressPerHour) {

    SignUpSettings {
        perAddressPerHour = perAddressPerHour <= 0 ? 10 : perAddressPerHour;
    }
}
