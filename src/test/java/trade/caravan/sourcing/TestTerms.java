package trade.caravan.sourcing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.TradeDocument;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CurrencyCode;

/** Valid RFQ terms and term sheets for tests, relative to the application clock. */
public final class TestTerms {

    private TestTerms() {
    }

    public static RfqTerms kettles(Clock clock) {
        return new RfqTerms(null, HsCode.of("851671"), "Electric kettles 1.7 l", "Stainless steel, 220–240 V.",
                List.of(new Specification("Power", "2200 W")), new BigDecimal("1000"), UnitOfMeasure.C62, 1200L,
                CurrencyCode.of("USD"), Incoterm.FOB, UnLocode.of("CNSZX"),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(60), PaymentTerms.ESCROW,
                Set.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST), clock.instant().plus(Duration.ofDays(14)));
    }

    /** One line of 1000 kettles at {@code priceMinor} cents, valid for {@code validDays}. */
    public static TermSheet offer(Clock clock, long priceMinor, Incoterm incoterm, String place, int validDays) {
        return new TermSheet(List.of(new OfferLine("Electric kettle 1.7 l", null, HsCode.of("851671"),
                        new BigDecimal("1000"), UnitOfMeasure.C62, List.of(new PriceTier(new BigDecimal("1000"), priceMinor)))),
                CurrencyCode.of("USD"), incoterm, UnLocode.of(place), 30, "6 per carton",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(validDays), PaymentTerms.ESCROW,
                Set.of(TradeDocument.COMMERCIAL_INVOICE), null);
    }
}
