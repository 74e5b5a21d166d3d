package trade.caravan.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static trade.caravan.journeys.Ui.freePort;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.listing.ListingIndexing;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * A buyer narrows a search in a real browser: with htmx, ticking a filter swaps the results and
 * the filters without reloading the page, the address follows, and screen readers hear the new count.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import({TestClock.Configuration.class, TestAccounts.class})
class SearchJourneyTests {

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
    TestAccounts accounts;
    @Autowired
    ProductManagement products;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ListingIndexing indexing;

    @Test
    void tickingAFilterSwapsTheResultsInPlace() {
        String tag = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        var supplier = accounts.organization(Role.TRADER);
        var trader = supplier.member(Role.TRADER).principal();
        for (String origin : List.of("CN", "VN")) {
            var details = new ProductDetails("8516.71", "en",
                    List.of(new ProductDetails.Text("en", "Kettle " + tag + " made in " + origin, null)), List.of(),
                    UnitOfMeasure.C62, 100, new CurrencyCode("USD"), List.of(new ProductDetails.PriceTier(100, 990)), 20,
                    new CountryCode(origin), null, List.of(), null, List.of());
            var id = tenancy.callAs(supplier.id(), () -> products.create(trader, details)).id();
            tenancy.runAs(supplier.id(), () -> products.publish(trader, id));
        }
        // this context does not follow the shared outbox (only @IntegrationTest's does): build its index
        indexing.rebuild();

        try (BrowserContext context = BROWSERS.browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1280, 900))) {
            PageProblems problems = PageProblems.watch(context);
            Page page = context.newPage();
            page.navigate(BASE_URL + "/");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Find products")).click();
            page.getByLabel("Search products").fill(tag);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            // with htmx the address follows the search once its results are in; without, the page reloads
            page.waitForURL(url -> url.contains("q=" + tag));
            assertThat(page.locator("#search-results-heading")).hasText("2 products");
            page.evaluate("window.searchPageLoaded = true");

            page.getByLabel("Vietnam").check();

            assertThat(page.locator("#search-results-heading")).hasText("1 product");
            assertThat(page.locator("#search-status")).hasText("1 product");
            assertThat(page.locator(".search-hit h3")).hasText("Kettle " + tag + " made in VN");
            assertThat(page.getByLabel("Vietnam")).isChecked();
            assertThat(page.evaluate("window.searchPageLoaded === true")).isEqualTo(true);
            assertThat(page.url()).contains("origin=VN").contains("q=" + tag);
            assertThat(problems.all()).isEmpty();
        }
    }
}
