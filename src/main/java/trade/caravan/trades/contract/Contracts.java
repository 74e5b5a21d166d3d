package trade.caravan.trades.contract;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.json.JsonMapper;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.documents.PdfAttachment;
import trade.caravan.documents.PdfDocuments;
import trade.caravan.sourcing.AcceptedOrders;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.room.TradeRoom;
import trade.caravan.trades.room.TradeView;

/**
 * Renders a trade's sales contract from its agreed terms: every clause in English and then in
 * Chinese, the parties with their registration numbers, the lines and prices, the Incoterms® 2020
 * rule and place, delivery, payment through escrow, the documents required, inspection, and the
 * governing law and disputes. The agreed lines go inside the PDF as a UBL 2.3 {@code Order}
 * ({@code order.xml}) and the terms as {@code terms.json} (associated files, relationship
 * {@code Data}). Today the draft is rendered on request; signing (next) will
 * fix one rendering and log it.
 */
@Service
public class Contracts {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TradeRoom room;
    private final OrganizationDirectory directory;
    private final PdfDocuments pdf;
    private final AcceptedOrders orders;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;

    Contracts(TradeRoom room, OrganizationDirectory directory, PdfDocuments pdf, AcceptedOrders orders,
            ITemplateEngine templates, MessageSource messages, Clock clock) {
        this.orders = orders;
        this.room = room;
        this.directory = directory;
        this.pdf = pdf;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    /** The contract of a trade of the caller's organization, as a PDF/A-3 document (404 for any other). */
    public Rendered draft(Actor actor, TradeId id) {
        return render(room.find(actor, id));
    }

    /** The contract of a trade already read for its reader. */
    Rendered render(TradeView trade) {
        Context context = new Context(ENGLISH);
        context.setVariable("t", trade);
        context.setVariable("en", new Texts(messages, ENGLISH));
        context.setVariable("zh", new Texts(messages, CHINESE));
        context.setVariable("buyerRegistration", directory.registrationNumber(trade.buyer().id()).orElse(null));
        context.setVariable("supplierRegistration", directory.registrationNumber(trade.supplier().id()).orElse(null));
        context.setVariable("buyerAddress", lines(directory.postalAddress(trade.buyer().id())));
        context.setVariable("supplierAddress", lines(directory.postalAddress(trade.supplier().id())));
        context.setVariable("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        String xhtml = templates.process("trades/contract", context);
        String title = new Texts(messages, ENGLISH).t("contract.title") + " " + trade.reference() + " / "
                + new Texts(messages, CHINESE).t("contract.title");
        byte[] order = orders.ublOrder(new NegotiationId(trade.negotiation()), trade.reference(), trade.acceptedAt());
        byte[] document = pdf.render(xhtml, title, ENGLISH, List.of(
                new PdfAttachment("order.xml", "application/xml", PdfAttachment.Relationship.Data,
                        "The agreed lines as an OASIS UBL 2.3 Order", order),
                new PdfAttachment("terms.json", "application/json", PdfAttachment.Relationship.Data,
                        "The agreed terms, machine-readable", JSON.writeValueAsString(terms(trade))
                                .getBytes(StandardCharsets.UTF_8))));
        return new Rendered("contract-" + trade.reference() + ".pdf", document);
    }

    private static List<String> lines(java.util.Optional<String> address) {
        return address.map(a -> a.lines().toList()).orElse(List.of());
    }

    /** A rendered contract and the file name to give it. */
    public record Rendered(String fileName, byte[] pdf) {

        public Rendered {
            pdf = pdf.clone();
        }

        @Override
        public byte[] pdf() {
            return pdf.clone();
        }
    }

    /** The agreed terms as the attached JSON: plain values, amounts in minor units and as decimals. */
    static Map<String, Object> terms(TradeView t) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("trade", t.reference());
        terms.put("rfq", t.rfqReference());
        terms.put("acceptedOffer", t.offerNumber());
        terms.put("acceptedAt", t.acceptedAt().toString());
        terms.put("buyer", Map.of("id", t.buyer().id().toString(), "legalName", t.buyer().legalName(),
                "country", t.buyer().country().value()));
        terms.put("seller", Map.of("id", t.supplier().id().toString(), "legalName", t.supplier().legalName(),
                "country", t.supplier().country().value()));
        terms.put("currency", t.currency());
        terms.put("lines", t.lines().stream().map(line -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("line", line.number());
            l.put("description", line.description());
            l.put("hsCode", line.hsCode());
            l.put("quantity", line.quantity().toPlainString());
            l.put("unitCode", line.unit());
            l.put("unitPriceMinor", line.unitPriceMinor());
            l.put("unitPrice", BigDecimal.valueOf(line.unitPriceMinor(), t.digits()).toPlainString());
            l.put("amountMinor", line.amountMinor());
            return l;
        }).toList());
        terms.put("totalMinor", t.totalMinor());
        terms.put("total", BigDecimal.valueOf(t.totalMinor(), t.digits()).toPlainString());
        terms.put("incoterms", Map.of("rule", t.incoterm(), "place", t.place(), "edition", "2020"));
        terms.put("leadTimeDays", t.leadTimeDays());
        terms.put("paymentTerms", t.paymentTerms());
        terms.put("governingLaw", t.governingLaw().name());
        terms.put("documents", t.documents());
        if (t.packaging() != null) {
            terms.put("packaging", t.packaging());
        }
        return terms;
    }

    /** The messages of one language, for a template that shows two. */
    public record Texts(MessageSource messages, Locale locale) {

        public String t(String code, @Nullable Object... arguments) {
            return messages.getMessage(code, arguments, locale);
        }
    }
}
