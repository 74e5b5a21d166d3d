package trade.caravan.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static trade.caravan.journeys.Ui.expect;
import static trade.caravan.journeys.Ui.freePort;
import static trade.caravan.journeys.Ui.heading;
import static trade.caravan.journeys.Ui.role;

import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.catalog.product.ProductView;
import trade.caravan.platform.Tenancy;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;
import trade.caravan.support.TestProducts;

/**
 * A negotiation end to end in Chromium, with the buyer and the supplier each in a browser context
 * of their own. The buyer opens a published product's page and asks for a quotation there (the
 * form comes filled in from the product, with the Incoterms guidance for the rule chosen); the
 * supplier, told by the unread badge, quotes; the buyer counters with a lower price delivered CIF
 * Hamburg; the supplier's page, left open, shows the counter-offer and what changed without being
 * reloaded; the supplier accepts; the buyer's page, also left open, turns to accepted by itself.
 * The accepted offer has opened a trade: the buyer finds it under Trades, opens the trade room and
 * downloads the contract; the supplier sees the same trade from the selling side.
 * No CSP violation, script error or failed request in either browser.
 */
@Tag("browser")
@Tag("embedded")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "caravan.database.embedded.database-name=sourcing_journey"})
@Import({TestClock.Configuration.class, TestAccounts.class})
class SourcingJourneyTests {

    private static final int PORT = freePort();
    private static final String BASE_URL = "http://localhost:" + PORT;

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("caravan.public-url", () -> BASE_URL);
    }

    @Autowired
    MessageSource messages;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProductManagement products;
    @Autowired
    Tenancy tenancy;

    @Test
    void buyerInEnglish() {
        journey(Locale.ENGLISH);
    }

    @Test
    void buyerInChinese() {
        journey(Locale.SIMPLIFIED_CHINESE);
    }

    private void journey(Locale buyerLanguage) {
        var supplier = accounts.organization(Role.TRADER);
        var buyer = accounts.organization(Role.TRADER);
        ProductView kettle = tenancy.callAs(supplier.id(), () -> products.publish(supplier.owner().principal(),
                products.create(supplier.owner().principal(), TestProducts.kettle()).id()));
        var ui = new Texts(messages, Locale.ENGLISH);
        var buyerUi = new Texts(messages, buyerLanguage);
        var journal = new Journal("sourcing-supplier-for-" + buyerLanguage.toLanguageTag(), Locale.ENGLISH);
        var buyerJournal = new Journal("sourcing-buyer-" + buyerLanguage.toLanguageTag(), buyerLanguage);
        Browser browser = BROWSERS.browser();
        try (BrowserContext buyerContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1280, 900));
             BrowserContext supplierContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1280, 900))) {
            PageProblems buyerProblems = PageProblems.watch(buyerContext);
            PageProblems supplierProblems = PageProblems.watch(supplierContext);
            Page buyerPage = buyerContext.newPage();
            Page supplierPage = supplierContext.newPage();
            Ui.signIn(buyerPage, BASE_URL, ui, buyer.member(Role.TRADER));
            if (!"en".equals(buyerLanguage.getLanguage())) {
                buyerPage.waitForLoadState(); // the selector submits on change once the page's script runs
                buyerPage.getByLabel("Language", new Page.GetByLabelOptions().setExact(true)).selectOption("zh-CN");
                buyerPage.waitForURL(url -> url.contains("lang=zh-CN"));
                expect(buyerPage.locator("html")).hasAttribute("lang", "zh-CN");
            }
            Ui.signIn(supplierPage, BASE_URL, ui, supplier.member(Role.TRADER));

            // The buyer asks for a quotation from the product page; the form is filled in from the product
            buyerPage.navigate(BASE_URL + "/products/" + kettle.id());
            role(buyerPage, AriaRole.LINK, buyerUi.text("storefront.product.request-quotation")).click();
            expect(heading(buyerPage)).hasText(buyerUi.text("sourcing.rfq.new"));
            // in the reader's language, as the product page shows it
            expect(buyerPage.getByLabel(buyerUi.text("sourcing.field.title")))
                    .hasValue("en".equals(buyerLanguage.getLanguage()) ? "Electric kettle 1.7 l" : "电热水壶 1.7 升");
            expect(buyerPage.getByLabel(buyerUi.text("sourcing.field.hsCode"))).hasValue("851671");
            expect(buyerPage.getByLabel(supplier.name())).isChecked();
            expect(buyerPage.getByLabel(buyerUi.text("sourcing.field.quantity"))).hasValue("500");
            buyerPage.getByLabel(buyerUi.text("sourcing.field.quantity")).fill("1000");
            buyerPage.getByLabel(buyerUi.text("sourcing.field.targetUnitPrice")).fill("12.00");
            buyerPage.getByLabel(buyerUi.text("sourcing.field.place")).fill("CNSZX");
            // the guidance for FOB from China to Germany: who pays and bears the risk, which documents
            Locator guidance = buyerPage.locator("#guidance");
            expect(guidance.locator("table")).isVisible();
            expect(guidance).containsText(buyerUi.text("trade-document.CERTIFICATE_OF_ORIGIN"));
            buyerPage.getByLabel(buyerUi.text("sourcing.field.incoterm")).selectOption("CIF");
            expect(guidance).containsText(buyerUi.text("trade-document.INSURANCE_CERTIFICATE"));
            buyerPage.getByLabel(buyerUi.text("sourcing.field.incoterm")).selectOption("FOB");
            expect(guidance.locator("#guidance-FOB")).hasCount(1);
            buyerJournal.step(buyerPage, "rfq-form");
            role(buyerPage, AriaRole.BUTTON, buyerUi.text("sourcing.rfq.send")).click();
            expect(buyerPage.getByRole(AriaRole.STATUS)).hasText(buyerUi.text("sourcing.rfq.sent", 1));
            buyerJournal.step(buyerPage, "rfq-sent");

            // The supplier sees the unread badge, opens the negotiation and quotes
            supplierPage.navigate(BASE_URL + "/");
            expect(supplierPage.locator("#unread-badge")).hasText("1");
            // the link is named with its badge ("Negotiations, one unread entry")
            supplierPage.locator("nav a[href='/sourcing/negotiations']").click();
            supplierPage.locator("#inbox tbody a").first().click();
            expect(supplierPage.locator("#negotiation-state")).hasText(ui.text("negotiation.state.OPEN"));
            supplierPage.locator("details.offer-form summary").click();
            supplierPage.getByLabel(ui.text("sourcing.offer.tier-price", 1)).first().fill("12.40");
            supplierPage.getByLabel(ui.text("sourcing.field.leadTimeDays")).fill("30");
            journal.snapshot(supplierPage, "quotation-form");
            role(supplierPage, AriaRole.BUTTON, ui.text("sourcing.offer.send-quote")).click();
            expect(supplierPage.locator("#negotiation-state")).hasText(ui.text("negotiation.state.QUOTED"));
            expect(supplierPage.locator("#latest-offer .unit-price")).containsText("12.40");
            // from here on the supplier's page is not reloaded: a marker in the page would not survive a reload
            supplierPage.evaluate("() => { window.keptOpen = true; }");

            // The buyer counters: 11.90, CIF Hamburg
            role(buyerPage, AriaRole.LINK, supplier.name()).click();
            expect(buyerPage.locator("#latest-offer .unit-price")).containsText("12.40");
            buyerPage.evaluate("() => { window.keptOpen = true; }");
            buyerPage.locator("details.offer-form summary").click();
            buyerPage.getByLabel(buyerUi.text("sourcing.offer.tier-price", 1)).first().fill("11.90");
            buyerPage.getByLabel(buyerUi.text("negotiation.field.incoterm")).selectOption("CIF");
            buyerPage.getByLabel(buyerUi.text("sourcing.field.place")).fill("DEHAM");
            role(buyerPage, AriaRole.BUTTON, buyerUi.text("sourcing.offer.send-counter")).click();
            expect(buyerPage.locator("#negotiation-state")).hasText(buyerUi.text("negotiation.state.COUNTERED"));
            buyerPage.evaluate("() => { window.keptOpen = true; }");
            buyerJournal.step(buyerPage, "countered");

            // The supplier's open page shows the counter-offer and the changes by itself
            Locator changes = supplierPage.locator("#latest-offer .changes");
            expect(supplierPage.locator("#latest-offer")).hasAttribute("data-offer", "2");
            expect(changes.locator("li[data-field=unitPrice] del")).hasText("12.40 USD");
            expect(changes.locator("li[data-field=unitPrice] ins")).hasText("11.90 USD");
            expect(changes.locator("li[data-field=incoterm] del")).hasText("FOB");
            expect(changes.locator("li[data-field=incoterm] ins")).hasText("CIF");
            expect(changes.locator("li[data-field=place] ins")).hasText("DEHAM");
            assertThat(supplierPage.evaluate("() => window.keptOpen === true")).as("not reloaded").isEqualTo(true);
            journal.snapshot(supplierPage, "counter-offer-live");

            // The supplier accepts; the buyer's open page turns to accepted by itself
            role(supplierPage, AriaRole.BUTTON, ui.text("sourcing.accept", 2)).click();
            expect(supplierPage.locator("#negotiation-state")).hasText(ui.text("negotiation.state.ACCEPTED"));
            expect(buyerPage.locator("#negotiation-state")).hasText(buyerUi.text("negotiation.state.ACCEPTED"));
            expect(buyerPage.locator(".state-line")).containsText(buyerUi.text("sourcing.accepted-offer", 2));
            assertThat(buyerPage.evaluate("() => window.keptOpen === true")).as("not reloaded").isEqualTo(true);
            expect(buyerPage.locator("#accept-offer")).hasCount(0);
            buyerJournal.step(buyerPage, "accepted-live");
            journal.snapshot(supplierPage, "accepted");

            // The accepted offer opened a trade: the buyer finds it under Trades, contract pending,
            // and downloads the bilingual contract
            buyerPage.locator("nav a[href='/trades']").click();
            expect(heading(buyerPage)).hasText(buyerUi.text("trades.title"));
            Locator tradeRow = buyerPage.locator("#trades tbody tr").filter(new Locator.FilterOptions().setHasText(supplier.name()));
            expect(tradeRow).hasCount(1);
            expect(tradeRow).containsText(buyerUi.text("trade.state.CONTRACT_PENDING"));
            tradeRow.locator("a").click();
            expect(buyerPage.locator("#trade-state")).hasText(buyerUi.text("trade.state.CONTRACT_PENDING"));
            expect(buyerPage.locator("#trade-lines .unit-price")).containsText("11.90");
            expect(buyerPage.locator("#trade-timeline li[data-kind=OPENED]")).hasCount(1);
            buyerJournal.step(buyerPage, "trade-room");
            Download contract = buyerPage.waitForDownload(() -> buyerPage.locator("#contract-draft").click());
            assertThat(contract.suggestedFilename()).matches("contract-TRD-\\d{4}-\\d{6}\\.pdf");
            try (var in = contract.createReadStream()) {
                assertThat(new String(in.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // the supplier sees the same trade from the other side
            supplierPage.navigate(BASE_URL + "/trades");
            expect(supplierPage.locator("#trades tbody tr").filter(new Locator.FilterOptions().setHasText(buyer.name())))
                    .containsText(ui.text("trades.you-sell"));

            assertThat(buyerProblems.all()).as("problems in the buyer's browser").isEmpty();
            assertThat(supplierProblems.all()).as("problems in the supplier's browser").isEmpty();
        }
    }

}
