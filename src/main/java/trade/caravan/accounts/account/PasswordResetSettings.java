package trade.caravan.accounts.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code caravan.password-reset.*}: how many reset requests one client address may make per hour. */
@ConfigurationProperties("caravan.password-reset")
record PasswordResetSettings(int perAddressPerHour) {

    PasswordResetSettings {
        perAddressPerHour = perAddressPerHour <= 0 ? 10 : perAddressPerHour;
    }
}
