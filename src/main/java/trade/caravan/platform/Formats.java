package trade.caravan.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, numbers and money formatted for the user's language, for templates ({@code @formats}).
 * Times are shown in UTC and say so: parties of a cross-border trade sit in different zones.
 */
@Component("formats")
public class Formats {

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    public String date(@Nullable LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
                .format(date);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A country's name in the user's language, from its ISO 3166 alpha-2 code. */
    public String country(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return Locale.of("", code).getDisplayCountry(LocaleContextHolder.getLocale());
    }

    public String number(@Nullable Number number) {
        return number == null ? "" : NumberFormat.getNumberInstance(LocaleContextHolder.getLocale()).format(number);
    }

    public String decimal(@Nullable BigDecimal number, int fractionDigits) {
        if (number == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(number);
    }

    /**
     * An amount and its ISO 4217 code, the number in the user's conventions: "1,234.50 USD". The code,
     * never a symbol: "$" is a dozen currencies, and the contract, the term sheets and the UBL
     * documents all say "USD", so the pages say it the same way.
     */
    public String money(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null || currency == null) {
            return "";
        }
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return decimal(amount, digits) + "\u00a0" + currency;
    }
}
