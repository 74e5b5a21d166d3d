package trade.caravan.sourcing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.TradeDocument;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CurrencyCode;

/**
 * What a buyer asks for in a request for quotation.
 *
 * @param product          the catalog product it was started from, if any
 * @param targetUnitPriceMinor the price per unit the buyer hopes for, in minor units of {@code currency}; optional
 * @param place            the Incoterms named place (a UN/LOCODE)
 * @param replyDeadline    quotations are accepted until this instant
 */
public record RfqTerms(@Nullable ProductId product, HsCode hsCode, String title, String description,
        List<Specification> specifications, BigDecimal quantity, UnitOfMeasure unit, @Nullable Long targetUnitPriceMinor,
        CurrencyCode currency, Incoterm incoterm, UnLocode place, LocalDate deliveryDate, PaymentTerms paymentTerms,
        Set<TradeDocument> documents, Instant replyDeadline) {

    public RfqTerms {
        Objects.requireNonNull(hsCode, "hsCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        specifications = List.copyOf(specifications);
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(incoterm, "incoterm");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(deliveryDate, "deliveryDate");
        Objects.requireNonNull(paymentTerms, "paymentTerms");
        documents = documents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(documents));
        Objects.requireNonNull(replyDeadline, "replyDeadline");
    }
}
