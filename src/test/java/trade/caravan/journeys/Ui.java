package trade.caravan.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/** What the journeys share: finding things the way a reader (or a screen reader) does, and a port. */
final class Ui {

    private Ui() {
    }

    /** A free port, for journeys whose links (in mails, canonical URLs) must name the server's address. */
    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    static Locator navigation(Page page, Texts ui, String item) {
        return role(role(page, AriaRole.NAVIGATION, ui.text("nav.main")), AriaRole.LINK, ui.text(item));
    }

    /** The element with this role and exactly this accessible name. */
    static Locator role(Page page, AriaRole role, String name) {
        return page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator role(Locator scope, AriaRole role, String name) {
        return scope.getByRole(role, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    static Page.GetByLabelOptions exactLabel() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    /**
     * Signs a member in through the real form (password only) and waits for the home page to greet
     * them by name and organization.
     */
    static void signIn(Page page, String baseUrl, Texts ui, trade.caravan.support.TestAccounts.Member member) {
        page.navigate(baseUrl + "/login");
        page.getByLabel(ui.text("field.email")).fill(member.email());
        page.getByLabel(ui.text("field.password"), exactLabel()).fill(member.password());
        role(page, AriaRole.BUTTON, ui.text("signin.submit")).click();
        expect(page.getByRole(AriaRole.MAIN)).containsText(ui.text("home.signed-in",
                member.principal().getDisplayName(), member.principal().getOrganizationName()));
    }
}
