package trade.caravan.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import trade.caravan.shared.CurrencyCode;

/** The ECB reference rates as stored: units of a currency per euro, by publication day. */
interface EcbRateHistory {

    /** The first and last publication day on which a currency has a rate. */
    record Coverage(LocalDate first, LocalDate last) {
    }

    Optional<LocalDate> firstPublication();

    /** The latest publication day on or before {@code day}. */
    Optional<LocalDate> publicationOnOrBefore(LocalDate day);

    Optional<BigDecimal> perEuro(CurrencyCode currency, LocalDate publication);

    Optional<Coverage> coverage(CurrencyCode currency);

    /** Every currency the ECB has quoted, current or discontinued. */
    List<CurrencyCode> quoted();
}
