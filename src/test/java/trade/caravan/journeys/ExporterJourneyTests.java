package trade.caravan.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static trade.caravan.journeys.Ui.exactLabel;
import static trade.caravan.journeys.Ui.expect;
import static trade.caravan.journeys.Ui.freePort;
import static trade.caravan.journeys.Ui.heading;
import static trade.caravan.journeys.Ui.navigation;
import static trade.caravan.journeys.Ui.role;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import com.google.gson.JsonObject;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * The golden path's first mile in a real browser, as a demo user walks it: an exporter registers
 * its organization, verifies its e-mail from the operator's outbox page, signs in, turns on
 * two-step verification, signs out and back in with a code, and invites a trader, who accepts from
 * another browser. Once in English and once in Simplified Chinese (chosen with the page's language
 * selector). The pages are driven by their labels and roles, which checks those exist.
 *
 * <p>The application runs on a real port that its e-mail links name ({@code caravan.public-url}).
 * Time is frozen so the TOTP codes are predictable, and moved one 30-second step on before the
 * second sign-in: a code is accepted once only, and enrolment spends the current step's.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import({TestClock.Configuration.class, TestAccounts.class})
class ExporterJourneyTests {

    private static final int PORT = freePort();
    private static final String BASE_URL = "http://localhost:" + PORT;
    private static final String PASSWORD = "camels cross the desert at dawn 2026";
    private static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}");

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("caravan.public-url", () -> BASE_URL);
    }

    @Autowired
    TestClock clock;
    @Autowired
    MessageSource messages;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    /** A journey's language and the people in it. */
    private record Language(String tag, Locale locale, boolean chosenOnPage, String inviteeBrowserLocale,
            String organization, String ownerName, String inviteeName) {
    }

    @BeforeEach
    void freezeTime() {
        clock.freeze();
    }

    @AfterEach
    void resetTime() {
        clock.reset();
    }

    @Test
    void inEnglish() {
        String id = uniqueNumber();
        journey(new Language("en", Locale.ENGLISH, false, "en-GB",
                "Lianhua Electronics Export Co., Ltd. " + id, "Li Wei", "Zhang Min"), id);
    }

    @Test
    void inChinese() {
        String id = uniqueNumber();
        journey(new Language("zh-CN", Locale.SIMPLIFIED_CHINESE, true, "zh-CN",
                "莲花电子进出口有限公司 " + id, "李伟", "张敏"), id);
    }

    /**
     * A member adds a passkey (Chromium's virtual authenticator stands in for the device, over the
     * DevTools protocol), signs out, and signs in with the passkey alone.
     */
    @Test
    void passkey() {
        var owner = accounts.organization().owner();
        var ui = new Texts(messages, Locale.ENGLISH);
        var journal = new Journal("passkey", Locale.ENGLISH);
        try (BrowserContext context = BROWSERS.browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1280, 900))) {
            PageProblems problems = PageProblems.watch(context);
            Page page = context.newPage();
            CDPSession devices = context.newCDPSession(page);
            devices.send("WebAuthn.enable");
            var authenticator = new JsonObject();
            authenticator.addProperty("protocol", "ctap2");
            authenticator.addProperty("transport", "internal");
            authenticator.addProperty("hasResidentKey", true);
            authenticator.addProperty("hasUserVerification", true);
            authenticator.addProperty("isUserVerified", true);
            authenticator.addProperty("automaticPresenceSimulation", true);
            var options = new JsonObject();
            options.add("options", authenticator);
            devices.send("WebAuthn.addVirtualAuthenticator", options);

            page.navigate(BASE_URL + "/login");
            page.getByLabel(ui.text("field.email")).fill(owner.email());
            page.getByLabel(ui.text("field.password"), exactLabel()).fill(owner.password());
            role(page, AriaRole.BUTTON, ui.text("signin.submit")).click();
            page.navigate(BASE_URL + "/account/security");
            expect(heading(page)).hasText(ui.text("security.title"));
            page.getByLabel(ui.text("passkeys.label")).fill("Office laptop");
            role(page, AriaRole.BUTTON, ui.text("passkeys.add")).click();
            expect(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Office laptop"))).isVisible();
            journal.step(page, "passkey-added");

            role(page.getByRole(AriaRole.BANNER), AriaRole.BUTTON, ui.text("nav.sign-out")).click();
            expect(heading(page)).hasText(ui.text("signin.title"));
            role(page, AriaRole.BUTTON, ui.text("passkeys.sign-in")).click();
            page.waitForURL(BASE_URL + "/");
            expect(page.getByText(ui.text("home.signed-in", owner.principal().getDisplayName(),
                    owner.principal().getOrganizationName()))).isVisible();
            journal.step(page, "signed-in-with-passkey");
            assertThat(problems.all()).isEmpty();
        }
        assertThat(jdbc.sql("select action || ':' || coalesce(details->>'method', '') from audit.entries "
                        + "where actor_id = ? order by sequence")
                .param(owner.user().id().value()).query(String.class).list())
                .contains("PASSKEY_REGISTERED:", "SIGN_IN_SUCCEEDED:passkey");
    }

    private void journey(Language language, String id) {
        String ownerEmail = "owner-" + id + "@journey.example";
        String inviteeEmail = "trader-" + id + "@journey.example";
        var journal = new Journal(language.tag(), language.locale());
        Browser browser = BROWSERS.browser();

        try (BrowserContext ownerContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1280, 900));
             BrowserContext inviteeContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale(language.inviteeBrowserLocale()).setViewportSize(1280, 900))) {
            PageProblems ownerProblems = PageProblems.watch(ownerContext);
            PageProblems inviteeProblems = PageProblems.watch(inviteeContext);
            Page owner = ownerContext.newPage();
            var ui = new Texts(messages, language.locale());

            // Home, in the chosen language
            owner.navigate(BASE_URL + "/");
            if (language.chosenOnPage()) {
                owner.getByLabel("Language", new Page.GetByLabelOptions().setExact(true)).selectOption("zh-CN");
                owner.waitForURL(url -> url.contains("lang=zh-CN"));
                expect(owner.locator("html")).hasAttribute("lang", "zh-CN");
                expect(heading(owner)).hasText("欢迎使用 Caravan 商队");
            }
            expect(heading(owner)).hasText(ui.text("home.title"));
            // browsers ask for it unprompted, and not on every page load: check it once for sure
            assertThat(ownerContext.request().get(BASE_URL + "/favicon.ico").status()).isEqualTo(200);
            journal.step(owner, "home");

            // Sign up an exporter organization
            role(owner.getByRole(AriaRole.BANNER), AriaRole.LINK, ui.text("nav.sign-up")).click();
            expect(heading(owner)).hasText(ui.text("signup.title"));
            owner.getByLabel(ui.text("field.legal-name")).fill(language.organization());
            owner.getByLabel(ui.text("field.country")).selectOption("CN");
            role(owner, AriaRole.RADIO, ui.text("trade-role.EXPORTER")).check();
            owner.getByLabel(ui.text("field.display-name")).fill(language.ownerName());
            owner.getByLabel(ui.text("field.email")).fill(ownerEmail);
            owner.getByLabel(ui.text("field.password")).fill(PASSWORD);
            journal.step(owner, "sign-up");
            role(owner, AriaRole.BUTTON, ui.text("signup.submit")).click();
            expect(heading(owner)).hasText(ui.text("signup.done.title"));
            expect(owner.getByRole(AriaRole.STATUS)).hasText(ui.text("signup.done.text", ownerEmail));
            journal.step(owner, "check-your-mail");

            // Verify the e-mail address with the link from the outbox
            role(owner, AriaRole.LINK, ui.text("signup.done.outbox-link")).click();
            openMail(owner, ownerEmail, ui.text("mail.email-verification.subject"), journal);
            openLink(owner, "/verify-email?token=");
            expect(heading(owner)).hasText(ui.text("verify.title"));
            role(owner, AriaRole.BUTTON, ui.text("verify.submit")).click();
            expect(owner.getByRole(AriaRole.STATUS)).hasText(ui.text("verify.done"));
            journal.step(owner, "e-mail-verified");

            // Sign in with the password
            role(owner.getByRole(AriaRole.MAIN), AriaRole.LINK, ui.text("nav.sign-in")).click();
            signIn(owner, ui, ownerEmail);
            journal.step(owner, "sign-in");
            role(owner, AriaRole.BUTTON, ui.text("signin.submit")).click();
            expect(owner.getByRole(AriaRole.MAIN))
                    .containsText(ui.text("home.signed-in", language.ownerName(), language.organization()));
            journal.step(owner, "signed-in");

            // Turn on two-step verification
            navigation(owner, ui, "nav.account").click();
            expect(heading(owner)).hasText(ui.text("account.title"));
            role(owner, AriaRole.LINK, ui.text("account.security-link")).click();
            expect(heading(owner)).hasText(ui.text("security.title"));
            expect(owner.getByRole(AriaRole.MAIN)).containsText(ui.text("security.totp.off"));
            journal.step(owner, "two-step-verification-off");
            role(owner, AriaRole.BUTTON, ui.text("security.totp.enable")).click();
            expect(heading(owner)).hasText(ui.text("totp.title"));
            expect(owner.getByAltText(ui.text("totp.qr-alt"))).isVisible();
            String secret = owner.locator("#totp-secret").textContent().trim();
            owner.getByLabel(ui.text("second-factor.code"), exactLabel()).fill(totp(secret, clock.instant()));
            journal.step(owner, "authenticator-setup");
            role(owner, AriaRole.BUTTON, ui.text("totp.confirm")).click();
            expect(heading(owner)).hasText(ui.text("recovery.title"));
            Locator recoveryCodes = owner.locator("#recovery-codes li");
            expect(recoveryCodes).hasCount(10);
            assertThat(recoveryCodes.allTextContents()).allMatch(code -> RECOVERY_CODE.matcher(code.trim()).matches());
            journal.step(owner, "recovery-codes");
            role(owner, AriaRole.LINK, ui.text("recovery.done")).click();
            expect(owner.getByRole(AriaRole.MAIN)).containsText(ui.text("security.totp.on"));
            journal.step(owner, "two-step-verification-on");

            // Sign out, then in again: password, then a code from the next time step
            role(owner, AriaRole.BUTTON, ui.text("nav.sign-out")).click();
            expect(owner.getByRole(AriaRole.STATUS)).hasText(ui.text("signin.signed-out"));
            signIn(owner, ui, ownerEmail);
            role(owner, AriaRole.BUTTON, ui.text("signin.submit")).click();
            expect(heading(owner)).hasText(ui.text("second-factor.title"));
            clock.advance(Duration.ofSeconds(30));
            owner.getByLabel(ui.text("second-factor.code"), exactLabel()).fill(totp(secret, clock.instant()));
            journal.step(owner, "second-factor");
            role(owner, AriaRole.BUTTON, ui.text("second-factor.submit")).click();
            expect(owner.getByRole(AriaRole.MAIN))
                    .containsText(ui.text("home.signed-in", language.ownerName(), language.organization()));
            journal.step(owner, "signed-in-with-code");

            // Invite a trader
            navigation(owner, ui, "nav.members").click();
            expect(heading(owner)).hasText(ui.text("members.title"));
            Locator invite = role(owner, AriaRole.REGION, ui.text("members.invite"));
            invite.getByLabel(ui.text("field.email")).fill(inviteeEmail);
            invite.getByLabel(ui.text("field.role")).selectOption("TRADER");
            journal.step(owner, "invite");
            role(invite, AriaRole.BUTTON, ui.text("members.invite.send")).click();
            expect(owner.getByRole(AriaRole.STATUS)).hasText(ui.text("members.invited", inviteeEmail));
            expect(invitationRow(owner, inviteeEmail)).containsText(ui.text("invitation.status.PENDING"));
            journal.step(owner, "invited");

            // The invitee, in a browser of their own, follows the link from the outbox
            Page invitee = inviteeContext.newPage();
            invitee.navigate(BASE_URL + "/operator/outbox");
            String role = ui.text("role.TRADER");
            openMail(invitee, inviteeEmail,
                    ui.text("mail.invitation.subject", language.organization()), journal);
            expect(invitee.locator("pre")).containsText(
                    ui.text("mail.invitation.body", language.ownerName(), language.organization(), role));
            openLink(invitee, "/invitations/accept?token=");
            expect(heading(invitee)).hasText(ui.text("invitation.title"));
            expect(invitee.getByRole(AriaRole.MAIN))
                    .containsText(ui.text("invitation.lead", language.organization(), role));
            expect(invitee.getByLabel(ui.text("field.email"))).hasValue(inviteeEmail);
            invitee.getByLabel(ui.text("field.display-name")).fill(language.inviteeName());
            invitee.getByLabel(ui.text("field.password")).fill(PASSWORD);
            journal.step(invitee, "accept-invitation");
            role(invitee, AriaRole.BUTTON, ui.text("invitation.accept")).click();
            expect(invitee.getByRole(AriaRole.STATUS)).hasText(ui.text("signin.joined"));
            signIn(invitee, ui, inviteeEmail);
            journal.step(invitee, "invitee-sign-in");
            role(invitee, AriaRole.BUTTON, ui.text("signin.submit")).click();
            expect(invitee.getByRole(AriaRole.MAIN))
                    .containsText(ui.text("home.signed-in", language.inviteeName(), language.organization()));
            journal.step(invitee, "invitee-signed-in");
            navigation(invitee, ui, "nav.organization").click();
            expect(heading(invitee)).hasText(language.organization());
            expect(invitee.getByRole(AriaRole.MAIN)).containsText(ui.text("trade-role.EXPORTER"));
            journal.step(invitee, "invitee-sees-organization");
            navigation(invitee, ui, "nav.members").click();
            expect(memberRow(invitee, ownerEmail)).containsText(ui.text("role.OWNER"));
            expect(memberRow(invitee, inviteeEmail)).containsText(role);
            journal.step(invitee, "invitee-sees-members");

            // The owner sees the new member and the invitation accepted
            owner.reload();
            expect(memberRow(owner, inviteeEmail)).containsText(language.inviteeName());
            expect(invitationRow(owner, inviteeEmail)).containsText(ui.text("invitation.status.ACCEPTED"));
            journal.step(owner, "owner-sees-new-member");

            assertThat(ownerProblems.all()).as("problems in the owner's browser").isEmpty();
            assertThat(inviteeProblems.all()).as("problems in the invitee's browser").isEmpty();
        }
    }

    /** From the outbox page: the mail to {@code recipient}, opened by its subject. */
    private static void openMail(Page page, String recipient, String subject, Journal journal) {
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(recipient));
        expect(row).hasCount(1);
        // the outbox lists every mail of the installation, other tests' English ones too: no language check
        journal.snapshot(page, "outbox");
        role(row, AriaRole.LINK, subject).click();
        expect(heading(page)).hasText(subject);
        journal.step(page, "mail");
    }

    /** Follows the link in an opened mail whose address contains {@code path}. */
    private static void openLink(Page page, String path) {
        Locator link = page.getByRole(AriaRole.LINK).filter(new Locator.FilterOptions().setHasText(path));
        assertThat(link.getAttribute("href")).startsWith(BASE_URL + path);
        link.click();
    }

    private static void signIn(Page page, Texts ui, String email) {
        expect(heading(page)).hasText(ui.text("signin.title"));
        page.getByLabel(ui.text("field.email")).fill(email);
        page.getByLabel(ui.text("field.password"), exactLabel()).fill(PASSWORD);
    }

    private static Locator memberRow(Page page, String email) {
        return page.locator("tr[data-member='" + email + "']");
    }

    private static Locator invitationRow(Page page, String email) {
        return page.getByRole(AriaRole.REGION).getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText(email));
    }

    /** The RFC 6238 code an authenticator app shows at {@code time}. */
    private static String totp(String secret, Instant time) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                    .generate(secret, Math.floorDiv(time.getEpochSecond(), 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Digits only, so a name that contains it never reads as an English word. */
    private static String uniqueNumber() {
        return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L));
    }
}
