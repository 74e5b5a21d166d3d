package trade.caravan.reference.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers in the reader's locale for the reference pages ({@code ${@referenceFormats.decimal(x)}}),
 * keeping every significant digit of a rate instead of padding or cutting to a fixed scale.
 */
@Component("referenceFormats")
class ReferenceFormats {

    public String decimal(BigDecimal value) {
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        BigDecimal plain = value.stripTrailingZeros();
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        return format.format(plain);
    }

    /** An amount with exactly {@code minorUnits} decimals, as money is written. */
    public String amount(BigDecimal value, int minorUnits) {
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(minorUnits);
        format.setMaximumFractionDigits(minorUnits);
        return format.format(value);
    }

    public String integer(long value) {
        return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }
}
