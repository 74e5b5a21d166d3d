package trade.caravan.sourcing.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.MemberContact;
import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.accounts.Role;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.TradeDocument;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.PaymentTerms;
import trade.caravan.sourcing.PriceTier;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.Specification;
import trade.caravan.sourcing.TermSheet;
import trade.caravan.sourcing.negotiation.Negotiating;
import trade.caravan.sourcing.negotiation.Requesting;

/**
 * Seeds a few negotiations between the demo organizations, one in each state a newcomer should
 * see: waiting for quotations (published to a whole HS chapter), quoted, countered with changes,
 * accepted, declined and withdrawn. They are made through the same services as any negotiation,
 * as the demo's own traders, so timelines, unread counts and the accepted offer's event are real.
 * Runs after the demo catalog (it needs its listings for the published RFQ), only on an empty
 * sourcing schema, and only between organizations of the demo ({@code .example} websites).
 */
@Component
@ConditionalOnProperty(name = "caravan.demo.enabled", havingValue = "true")
@Order(300)
class DemoNegotiations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNegotiations.class);

    private final OrganizationDirectory directory;
    private final Requesting requesting;
    private final Negotiating negotiating;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoNegotiations(OrganizationDirectory directory, Requesting requesting, Negotiating negotiating, JdbcClient jdbc,
            Clock clock) {
        this.directory = directory;
        this.requesting = requesting;
        this.negotiating = negotiating;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from sourcing.rfqs").query(Long.class).single() > 0) {
            return;
        }
        Optional<MemberPrincipal> kontor = trader("Kontor", directory.buyers(50));
        Optional<MemberPrincipal> paulista = trader("Paulista", directory.buyers(50));
        List<OrganizationSummary> suppliers = directory.suppliers(50);
        Optional<MemberPrincipal> lianhua = trader("Lianhua", suppliers);
        Optional<MemberPrincipal> huateng = trader("Huateng", suppliers);
        Optional<MemberPrincipal> haiphong = trader("Hai Phong", suppliers);
        Optional<MemberPrincipal> levante = trader("Levante", suppliers);
        Optional<MemberPrincipal> anadolu = trader("Anadolu", suppliers);
        if (kontor.isEmpty() || paulista.isEmpty() || lianhua.isEmpty() || huateng.isEmpty() || haiphong.isEmpty()
                || levante.isEmpty() || anadolu.isEmpty()) {
            return;
        }
        MemberPrincipal buyer = kontor.get();

        // countered: Lianhua quoted FOB Shenzhen, Kontor answers with a lower price delivered CIF Hamburg
        NegotiationId kettles = direct(buyer, lianhua.get(), rfq("851671", "Electric kettles 1.7 l, stainless steel",
                "Cordless, 360° base, auto shut-off, boil-dry protection. CE and GS marks, plug type F.",
                List.of(new Specification("Power", "2200 W"), new Specification("Voltage", "220–240 V")),
                "2000", 1150L, "USD", Incoterm.FOB, "CNSZX", 75, Set.of(TradeDocument.COMMERCIAL_INVOICE,
                        TradeDocument.PACKING_LIST, TradeDocument.CERTIFICATE_OF_ORIGIN, TradeDocument.BILL_OF_LADING)));
        negotiating.message(lianhua.get(), kettles, "Thank you for your request. Our KT-17 model fits; quotation below, "
                + "sample available within 7 days.", List.of());
        negotiating.offer(lianhua.get(), kettles, sheet("Electric kettle KT-17, 1.7 l", "851671", "2000",
                List.of(tier("2000", 1240), tier("5000", 1190)), "USD", Incoterm.FOB, "CNSZX", 35, 14));
        negotiating.message(buyer, kettles, "Could you deliver CIF Hamburg? We would need 11.90 at 2,000 pieces.",
                List.of());
        negotiating.offer(buyer, kettles, sheet("Electric kettle KT-17, 1.7 l", "851671", "2000",
                List.of(tier("2000", 1190)), "USD", Incoterm.CIF, "DEHAM", 35, 10));

        // accepted: ceramic mugs from Ningbo, quoted and accepted as offered
        NegotiationId mugs = direct(buyer, huateng.get(), rfq("691200", "Stoneware mugs 350 ml, reactive glaze",
                "Dishwasher and microwave safe, four colours, gift box of 4.", List.of(), "6000", 95L, "EUR",
                Incoterm.FOB, "CNNGB", 90, Set.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST)));
        negotiating.offer(huateng.get(), mugs, sheet("Stoneware mug 350 ml, gift box of 4", "691200", "6000",
                List.of(tier("6000", 98)), "EUR", Incoterm.FOB, "CNNGB", 40, 21));
        negotiating.accept(buyer, mugs, 1);

        // declined by the supplier: saffron in a quantity Levante does not sell
        NegotiationId saffron = direct(buyer, levante.get(), rfq("091020", "Saffron threads, ISO 3632 category I",
                "Packed in 1 g tins.", List.of(), "50", null, "EUR", Incoterm.DAP, "DEHAM", 45,
                Set.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.CERTIFICATE_OF_ORIGIN)));
        negotiating.decline(levante.get(), saffron, null, "We sell saffron from 500 g upwards only, sorry.");

        // withdrawn by the buyer before any quotation
        NegotiationId towels = direct(buyer, anadolu.get(), rfq("630260", "Terry kitchen towels 50 × 70 cm",
                "100 % cotton, 400 g/m².", List.of(), "3000", 210L, "EUR", Incoterm.CIP, "DEHAM", 60,
                Set.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST)));
        negotiating.withdraw(buyer, towels, "Our customer postponed the order.");

        // published to every supplier of chapter 61: waiting for quotations; Hai Phong has quoted
        var shirts = requesting.send(paulista.get(), rfq("610910", "Cotton T-shirts, 180 g/m², unisex",
                "Crew neck, sizes S–XXL, six colours; our logo printed on the chest.", List.of(), "12000", 310L,
                "USD", Incoterm.CFR, "BRSSZ", 100, EnumSet.of(TradeDocument.COMMERCIAL_INVOICE,
                        TradeDocument.PACKING_LIST, TradeDocument.BILL_OF_LADING, TradeDocument.CERTIFICATE_OF_ORIGIN)),
                Requesting.Audience.PUBLISHED, List.of(), List.of());
        for (NegotiationId negotiation : shirts.negotiations()) {
            try {
                negotiating.offer(haiphong.get(), negotiation, sheet("Cotton T-shirt 180 g/m², printed", "610910",
                        "12000", List.of(tier("12000", 325), tier("20000", 305)), "USD", Incoterm.CFR, "BRSSZ", 50, 30));
            } catch (trade.caravan.platform.DomainException notTheirs) {
                // another chapter-61 supplier's negotiation: it has not answered yet
            }
        }
        log.info("Demo negotiations: 6 requests for quotation in every state between the demo organizations");
    }

    private NegotiationId direct(MemberPrincipal buyer, MemberPrincipal supplier, RfqTerms terms) {
        return requesting.send(buyer, terms, Requesting.Audience.DIRECT, List.of(supplier.organizationId()), List.of())
                .negotiations().getFirst();
    }

    private RfqTerms rfq(String hs, String title, String description, List<Specification> specifications,
            String quantity, Long targetMinor, String currency, Incoterm incoterm, String place, int deliveryInDays,
            Set<TradeDocument> documents) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new RfqTerms(null, HsCode.of(hs), title, description, specifications, new BigDecimal(quantity),
                UnitOfMeasure.C62, targetMinor, CurrencyCode.of(currency), incoterm, UnLocode.of(place),
                today.plusDays(deliveryInDays), PaymentTerms.ESCROW, documents, clock.instant().plus(Duration.ofDays(21)));
    }

    private TermSheet sheet(String description, String hs, String quantity, List<PriceTier> tiers, String currency,
            Incoterm incoterm, String place, int leadTimeDays, int validDays) {
        return new TermSheet(List.of(new OfferLine(description, null, HsCode.of(hs), new BigDecimal(quantity),
                        UnitOfMeasure.C62, tiers)), CurrencyCode.of(currency), incoterm, UnLocode.of(place), leadTimeDays,
                "Export cartons on pallets", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(validDays),
                PaymentTerms.ESCROW, EnumSet.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST), null);
    }

    private static PriceTier tier(String from, long minor) {
        return new PriceTier(new BigDecimal(from), minor);
    }

    /** The first trading member of the demo organization whose name contains {@code name}, acting as a trader. */
    private Optional<MemberPrincipal> trader(String name, List<OrganizationSummary> organizations) {
        return organizations.stream()
                .filter(o -> o.legalName().contains(name) && isDemo(o))
                .findFirst()
                .flatMap(o -> directory.contacts(o.id(), Permission.TRADE).stream().findFirst()
                        .map(c -> principal(o, c)));
    }

    private static MemberPrincipal principal(OrganizationSummary organization, MemberContact contact) {
        return new MemberPrincipal(contact.userId(), contact.email(), contact.displayName(), organization.id(),
                organization.legalName(), Role.TRADER, Locale.ENGLISH, null);
    }

    private static boolean isDemo(OrganizationSummary organization) {
        String website = organization.website();
        String host = website == null ? null : URI.create(website).getHost();
        return host != null && host.toLowerCase(Locale.ROOT).endsWith(".example");
    }
}
