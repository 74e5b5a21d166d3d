package trade.caravan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import trade.caravan.CaravanApplication;
import trade.caravan.accounts.token.TokenManagement;
import trade.caravan.accounts.token.TokenScope;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.Tenancy;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.Incoterm;
import trade.caravan.reference.TradeDocument;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.PaymentTerms;
import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.Specification;
import trade.caravan.sourcing.negotiation.Requesting;
import trade.caravan.support.TestAccounts;

/**
 * The platform side of the live-delivery benchmark ({@code bench/live/run.sh}): starts the whole
 * application on a port, on a throw-away embedded PostgreSQL (the test resources'
 * {@code config/application.properties} are on the class path), then creates BUYERS × SUPPLIERS
 * negotiations through the services — BUYERS buyer organizations, each sending one direct RFQ to
 * the same SUPPLIERS supplier organizations (20 at most per RFQ, so larger counts send several) —
 * and one API token (TRADE scope) per organization's owner. Writes one line per negotiation,
 * {@code <negotiation id> <buyer token> <supplier token>}, to FIXTURE, prints {@code READY} and
 * serves until killed.
 *
 * <p>The per-member message limit and the daily RFQ limit are raised (a benchmark posts far more
 * than a person would); nothing else differs from production configuration.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:<test class path> trade.caravan.bench.LiveServer PORT BUYERS SUPPLIERS FIXTURE [spring args...]}
 */
public final class LiveServer {

    private LiveServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: LiveServer PORT BUYERS SUPPLIERS FIXTURE [spring args...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int buyers = Integer.parseInt(args[1]);
        int suppliers = Integer.parseInt(args[2]);
        Path fixture = Path.of(args[3]);
        List<String> springArgs = new ArrayList<>(List.of(args).subList(4, args.length));
        springArgs.add("--server.port=" + port);
        springArgs.add("--server.address=127.0.0.1");
        springArgs.add("--caravan.sourcing.messages-per-minute=10000000");
        springArgs.add("--caravan.sourcing.rfqs-per-day=100000");

        ConfigurableApplicationContext context = new SpringApplicationBuilder(CaravanApplication.class)
                .run(springArgs.toArray(String[]::new));
        long started = System.nanoTime();
        TestAccounts accounts = context.getAutowireCapableBeanFactory().createBean(TestAccounts.class);
        TokenManagement tokens = context.getBean(TokenManagement.class);
        Requesting requesting = context.getBean(Requesting.class);
        Tenancy tenancy = context.getBean(Tenancy.class);
        Clock clock = context.getBean(Clock.class);

        List<TestAccounts.Organization> supplierOrgs = new ArrayList<>();
        List<String> supplierTokens = new ArrayList<>();
        for (int i = 0; i < suppliers; i++) {
            var organization = accounts.organization();
            supplierOrgs.add(organization);
            supplierTokens.add(token(tenancy, tokens, organization));
        }
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            var buyer = accounts.organization();
            String buyerToken = token(tenancy, tokens, buyer);
            for (int from = 0; from < suppliers; from += 20) {
                int to = Math.min(suppliers, from + 20);
                List<OrganizationId> chosen = supplierOrgs.subList(from, to).stream()
                        .map(TestAccounts.Organization::id).toList();
                List<NegotiationId> opened = tenancy.callAs(buyer.id(), () -> requesting.send(buyer.owner().principal(),
                        kettles(clock), Requesting.Audience.DIRECT, chosen, List.of()).negotiations());
                for (int k = 0; k < opened.size(); k++) {
                    lines.add(opened.get(k).value() + " " + buyerToken + " " + supplierTokens.get(from + k));
                }
            }
        }
        Files.write(fixture, lines);
        System.out.printf("created %d negotiations between %d buyers and %d suppliers in %.1f s%n", lines.size(),
                buyers, suppliers, (System.nanoTime() - started) / 1e9);
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String token(Tenancy tenancy, TokenManagement tokens, TestAccounts.Organization organization) {
        return tenancy.callAs(organization.id(), () -> tokens.create(organization.owner().principal(), "bench",
                EnumSet.of(TokenScope.TRADE), 7).value());
    }

    /** Valid RFQ terms (as the sourcing tests' {@code Terms.kettles}). */
    private static RfqTerms kettles(Clock clock) {
        return new RfqTerms(null, HsCode.of("851671"), "Electric kettles 1.7 l", "Stainless steel, 220–240 V.",
                List.of(new Specification("Power", "2200 W")), new java.math.BigDecimal("1000"), UnitOfMeasure.C62,
                1200L, CurrencyCode.of("USD"), Incoterm.FOB, UnLocode.of("CNSZX"),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(60), PaymentTerms.ESCROW,
                Set.of(TradeDocument.COMMERCIAL_INVOICE, TradeDocument.PACKING_LIST),
                clock.instant().plus(Duration.ofDays(14)));
    }
}
