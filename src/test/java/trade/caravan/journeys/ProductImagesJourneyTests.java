package trade.caravan.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * A supplier adds photos to a draft on its product page in Chromium: the thumbnails load (served
 * to the owner only), the order changes with the buttons, and a file over the limit is stopped
 * by the page's script before it is sent, with a message read out to screen readers. No CSP
 * violation, script error or failed request on the way.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestClock.Configuration.class, TestAccounts.class})
class ProductImagesJourneyTests {

    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ProductManagement products;

    @Test
    void aSupplierAddsAndOrdersPhotosOnTheProductPage() {
        var supplier = accounts.organization(Role.TRADER);
        var trader = supplier.member(Role.TRADER);
        ProductId product = tenancy.callAs(supplier.id(), () -> products.create(trader.principal(), kettle())).id();
        var journal = new Journal("media", Locale.ENGLISH);
        try (BrowserContext context = BROWSERS.browser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US").setViewportSize(1280, 900))) {
            PageProblems problems = PageProblems.watch(context);
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.getByLabel("E-mail address").fill(trader.email());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(trader.password());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).press("Enter");
            page.waitForURL(url("/**"));

            page.navigate(url("/catalog/products/" + product));
            Locator section = page.locator("#media");
            expect(section.getByText("No images yet.", new Locator.GetByTextOptions().setExact(false))).isVisible();
            journal.step(page, "empty");

            for (Color colour : List.of(Color.RED, Color.BLUE)) {
                page.getByLabel("Image file").setInputFiles(new FilePayload("photo.jpg", "image/jpeg", jpeg(colour)));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the image")).click();
                expect(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                        .setHasText("The image is added."))).isVisible();
            }
            Locator thumbnails = section.locator("ol.media-images img");
            expect(thumbnails).hasCount(2);
            for (int i = 0; i < 2; i++) {
                // the status is announced as soon as the section is swapped in; the image may still be loading
                page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnails.nth(i).elementHandle());
                assertThat((Integer) thumbnails.nth(i).evaluate("img => img.naturalWidth"))
                        .as("thumbnail %d loaded", i + 1).isEqualTo(320);
            }
            String second = thumbnails.nth(1).getAttribute("src");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move image 2 earlier")).click();
            expect(section.locator("ol.media-images img").first()).hasAttribute("src", second);
            journal.step(page, "two-images");

            // over the limit: refused by the page before anything is sent
            page.getByLabel("Image file").setInputFiles(new FilePayload("huge.jpg", "image/jpeg",
                    new byte[10 * 1024 * 1024 + 1]));
            expect(section.locator("#media-image-message")).hasText("The file is larger than 10 MB.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the image")).click();
            expect(section.locator("#media-image-message")).hasText("The file is larger than 10 MB.");
            assertThat(page.url()).isEqualTo(url("/catalog/products/" + product + "#media"));
            journal.snapshot(page, "too-large");

            assertThat(problems.all()).isEmpty();
        }
        assertThat(tenancy.callAs(supplier.id(), () -> products.find(product)).details().images()).hasSize(2);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static ProductDetails kettle() {
        return new ProductDetails("8516.71", "en", List.of(new ProductDetails.Text("en", "Electric kettle", null)),
                List.of(), UnitOfMeasure.C62, 100, new CurrencyCode("USD"),
                List.of(new ProductDetails.PriceTier(100, 999)), 20, new CountryCode("CN"), null,
                List.of(new ProductDetails.Certification(CertificationKind.CE, null, null)), null, List.of());
    }

    private static byte[] jpeg(Color colour) {
        var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(colour);
        g.fillOval(120, 60, 400, 360);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static com.microsoft.playwright.assertions.LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
