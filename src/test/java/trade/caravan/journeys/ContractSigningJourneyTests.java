package trade.caravan.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static trade.caravan.journeys.Ui.expect;
import static trade.caravan.journeys.Ui.freePort;
import static trade.caravan.journeys.Ui.role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;

import trade.caravan.accounts.signin.TestSecondFactor;
import trade.caravan.accounts.signin.TwoFactor;
import trade.caravan.sourcing.negotiation.Negotiating;
import trade.caravan.sourcing.negotiation.Requesting;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;
import trade.caravan.trades.TestTrades;
import trade.caravan.trades.TradeId;

/**
 * The contract signed end to end in Chromium: the buyer's owner (in English) and the seller's
 * owner (in Chinese), each in a browser context of their own and each with an authenticator app,
 * open the trade room; the buyer signs with the code the app shows, the seller sees that
 * signature and signs too, the trade turns to "contract signed" (on the buyer's page, left open,
 * without a reload), and both download the same final
 * PDF, which the public verify page finds valid and logged, for the buyer and for an anonymous
 * visitor in Chinese (a bank, say). No CSP violation, script error or failed request.
 */
@Tag("browser")
@Tag("embedded")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "caravan.database.embedded.database-name=contract_journey"})
@Import({TestClock.Configuration.class, TestAccounts.class})
class ContractSigningJourneyTests {

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
    Requesting requesting;
    @Autowired
    Negotiating negotiating;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void buyerSignsSellerSignsBothDownloadTheSameSignedContract() throws InterruptedException {
        var buyer = accounts.organization();
        var seller = accounts.organization();
        TradeId trade = TestTrades.awaitTrade(jdbc, TestTrades.accepted(requesting, negotiating, clock, buyer, seller));
        var en = new Texts(messages, Locale.ENGLISH);
        var zh = new Texts(messages, Locale.SIMPLIFIED_CHINESE);
        var buyerJournal = new Journal("contract-buyer-en", Locale.ENGLISH);
        var sellerJournal = new Journal("contract-seller-zh-CN", Locale.SIMPLIFIED_CHINESE);
        String room = BASE_URL + "/trades/" + trade.value();
        Browser browser = BROWSERS.browser();
        try (BrowserContext buyerContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1280, 900).setAcceptDownloads(true));
             BrowserContext sellerContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1280, 900).setAcceptDownloads(true))) {
            PageProblems buyerProblems = PageProblems.watch(buyerContext);
            PageProblems sellerProblems = PageProblems.watch(sellerContext);
            Page buyerPage = buyerContext.newPage();
            Page sellerPage = sellerContext.newPage();
            Ui.signIn(buyerPage, BASE_URL, en, buyer.owner());
            Ui.signIn(sellerPage, BASE_URL, en, seller.owner());
            sellerPage.waitForLoadState();
            sellerPage.getByLabel("Language", new Page.GetByLabelOptions().setExact(true)).selectOption("zh-CN");
            sellerPage.waitForURL(url -> url.contains("lang=zh-CN"));
            // both set up an authenticator app after signing in (its set-up pages have journeys of their own)
            String buyerApp = TestSecondFactor.enroll(twoFactor, buyer.owner().principal(), clock);
            String sellerApp = TestSecondFactor.enroll(twoFactor, seller.owner().principal(), clock);

            // the buyer reads the draft, then signs with the code the authenticator app shows
            buyerPage.navigate(room);
            expect(buyerPage.locator("#trade-state")).hasText(en.text("trade.state.CONTRACT_PENDING"));
            expect(buyerPage.locator("#contract-draft")).isVisible();
            buyerPage.getByLabel(en.text("trades.contract.sign.code")).fill("000000");
            role(buyerPage, AriaRole.BUTTON, en.text("trades.contract.sign.submit")).click();
            expect(buyerPage.locator("#sign-error")).hasText(en.text("contract.sign.code-wrong"));
            buyerPage.getByLabel(en.text("trades.contract.sign.code")).fill(TestSecondFactor.code(buyerApp, clock.instant()));
            role(buyerPage, AriaRole.BUTTON, en.text("trades.contract.sign.submit")).click();
            expect(buyerPage.locator("#contract-signatures li[data-party=BUYER]")).containsText(buyer.name());
            expect(buyerPage.locator("#sign-form")).hasCount(0);
            expect(buyerPage.locator("#trade-timeline li[data-kind=SIGNED]")).hasCount(1);
            buyerJournal.step(buyerPage, "signed-by-buyer");

            // the seller sees the buyer's signature, in Chinese, and signs too
            sellerPage.navigate(room);
            expect(sellerPage.locator("#contract-signatures li[data-party=BUYER]")).containsText(buyer.name());
            sellerPage.getByLabel(zh.text("trades.contract.sign.code")).fill(TestSecondFactor.code(sellerApp, clock.instant()));
            role(sellerPage, AriaRole.BUTTON, zh.text("trades.contract.sign.submit")).click();
            expect(sellerPage.locator("#trade-state")).hasText(zh.text("trade.state.CONTRACT_SIGNED"));
            expect(sellerPage.locator("#contract-signatures li")).hasCount(2);
            expect(sellerPage.locator("#trade-timeline li[data-kind=CONTRACT_SIGNED]")).hasCount(1);
            sellerJournal.step(sellerPage, "signed-by-both");
            byte[] sellerCopy = download(sellerPage);

            // the buyer's room, left open, turns to "contract signed" by itself; both hold the same final file
            expect(buyerPage.locator("#trade-state")).hasText(en.text("trade.state.CONTRACT_SIGNED"));
            expect(buyerPage.locator("#trade-timeline li[data-kind=CONTRACT_SIGNED]")).hasCount(1);
            byte[] buyerCopy = download(buyerPage);
            assertThat(buyerCopy).isEqualTo(sellerCopy);
            assertThat(new String(buyerCopy, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            expect(buyerPage.locator("#contract-sha256")).hasText(sha256Hex(buyerCopy));

            // the public verify page, found in the menu, says the file is valid and logged as issued;
            // the seller's bank would see the same, in Chinese, without an account
            buyerPage.locator("nav a[href='/verify']").click();
            buyerPage.locator("#verify-file").setInputFiles(new FilePayload("contract.pdf", "application/pdf", buyerCopy));
            role(buyerPage, AriaRole.BUTTON, en.text("document-verify.submit")).click();
            expect(buyerPage.locator("#verdict-heading")).hasText(en.text("document-verify.outcome.VALID"));
            expect(buyerPage.locator("#verdict")).containsText(en.text("document-verify.log.ISSUED"));
            expect(buyerPage.locator("#verdict")).containsText(buyer.name());
            expect(buyerPage.locator("#verdict")).containsText(seller.name());
            buyerJournal.step(buyerPage, "verified");
            try (BrowserContext bank = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
                Page bankPage = bank.newPage();
                bankPage.navigate(BASE_URL + "/verify?lang=zh-CN");
                bankPage.locator("#verify-file").setInputFiles(new FilePayload("contract.pdf", "application/pdf", sellerCopy));
                role(bankPage, AriaRole.BUTTON, zh.text("document-verify.submit")).click();
                expect(bankPage.locator("#verdict-heading")).hasText(zh.text("document-verify.outcome.VALID"));
                assertThat(bank.cookies()).as("an anonymous check opens no session").noneMatch(c -> c.name.equals("CARAVAN_SESSION"));
                // the certificates' issuer is quoted from the file, as it is written there
                new Journal("contract-bank-zh-CN", Locale.SIMPLIFIED_CHINESE).step(bankPage, "verified",
                        "Caravan Document Signing CA");
            }

            assertThat(buyerProblems.all()).as("problems in the buyer's browser").isEmpty();
            assertThat(sellerProblems.all()).as("problems in the seller's browser").isEmpty();
        }
    }

    private static byte[] download(Page page) {
        Download file = page.waitForDownload(() -> page.locator("#contract-signed").click());
        assertThat(file.suggestedFilename()).matches("contract-TRD-\\d{4}-\\d{6}-signed\\.pdf");
        try (var in = file.createReadStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
