package trade.caravan.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static trade.caravan.journeys.Ui.exactLabel;
import static trade.caravan.journeys.Ui.expect;
import static trade.caravan.journeys.Ui.freePort;
import static trade.caravan.journeys.Ui.heading;
import static trade.caravan.journeys.Ui.navigation;
import static trade.caravan.journeys.Ui.role;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.StructuredData;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestClock;

/**
 * The catalog end to end in Chromium, as its users walk it. A supplier's trader signs in, creates a
 * product on the product form (HS code and port of loading through their type-aheads, title and
 * description in English and Chinese, a specification, two price tiers, Vietnam as origin), adds a
 * photo and publishes it. A buyer's trader, in a browser of their own, finds it by an English word
 * of its title and by a Chinese word of its Chinese title, narrows the results to Vietnam (which
 * removes a kettle made in China that matched too), opens its page, sees the photo and both
 * languages, shortlists it and finds it on the organization's shortlist. The page's canonical link,
 * hreflang alternates, OpenGraph tags and structured data are checked: the JSON-LD block is
 * expanded by a JSON-LD processor and checked against schema.org ({@link StructuredData}), in
 * English and in Chinese, and a crawler without a session is served the same block. No CSP
 * violation, script error or failed request in any of the browsers.
 *
 * <p>Only the accounts and the kettle from China are made through Java services; every step of the
 * issue is taken on the pages. The supplier's steps are walked in English and in Chinese.
 *
 * <p>The publication reaches the search index by itself, through the outbox of listing changes
 * that this context processes: the buyer searches again until it is found, as a person would,
 * and nothing rebuilds the index. That takes a database of this context's own (hence the
 * {@code embedded} tag): every other context of the test JVM shares the default database and with
 * it the one outbox, which only the {@code @IntegrationTest} context processes. Two processors on
 * one outbox share its events out between them, so a listing could land in the other context's
 * index instead of this one's.
 */
@Tag("browser")
@Tag("embedded")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "caravan.database.embedded.database-name=catalog_journey", "caravan.search.event-processor=true"})
@Import({TestClock.Configuration.class, TestAccounts.class})
class CatalogJourneyTests {

    private static final int PORT = freePort();
    private static final String BASE_URL = "http://localhost:" + PORT;
    /** How long a publication may take to become searchable (the outbox is polled every 100 ms). */
    private static final Duration INDEXING = Duration.ofSeconds(30);

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

    /** A product as its supplier writes it; the model number tells this run's products apart. */
    private record Kettle(String model, String englishTitle, String englishDescription, String chineseTitle,
            String chineseDescription) {

        static Kettle madeInVietnam() {
            String model = "SK-" + ThreadLocalRandom.current().nextInt(1000, 10_000);
            return new Kettle(model, "Stainless steel electric kettle " + model,
                    "1.7 litre food-grade stainless steel kettle with automatic shut-off.",
                    "不锈钢电热水壶 " + model, "1.7升食品级不锈钢电热水壶，自动断电。");
        }
    }

    @Test
    void supplierInEnglish() {
        journey(Locale.ENGLISH);
    }

    @Test
    void supplierInChinese() {
        journey(Locale.SIMPLIFIED_CHINESE);
    }

    private void journey(Locale supplierLanguage) {
        var supplier = accounts.organization(Role.TRADER);
        var trader = supplier.member(Role.TRADER);
        var buyer = accounts.organization(Role.TRADER).member(Role.TRADER);
        var kettle = Kettle.madeInVietnam();
        String chinaKettle = chinaKettleMatchingBothQueries(kettle);
        var journal = new Journal("catalog-" + supplierLanguage.toLanguageTag(), supplierLanguage);
        Browser browser = BROWSERS.browser();

        try (BrowserContext supplierContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1280, 900));
             BrowserContext buyerContext = browser.newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1280, 900))) {
            PageProblems supplierProblems = PageProblems.watch(supplierContext);
            PageProblems buyerProblems = PageProblems.watch(buyerContext);

            String productId = createAndPublish(supplierContext.newPage(), new Texts(messages, supplierLanguage),
                    trader, kettle, journal);
            String productUrl = BASE_URL + "/products/" + productId;

            Page page = buyerContext.newPage();
            var ui = new Texts(messages, Locale.ENGLISH);
            Ui.signIn(page, BASE_URL, ui, buyer);

            // Search in English, then in Chinese: both kettles match
            navigation(page, ui, "nav.search").click();
            expect(heading(page)).hasText(ui.text("search.title"));
            Locator hits = page.locator(".search-hit");
            searchUntilFound(page, ui, "kettle", kettle.englishTitle());
            searchUntilFound(page, ui, "电热水壶", kettle.englishTitle());
            expect(hitTitled(hits, chinaKettle)).hasCount(1);
            journal.snapshot(page, "search-in-chinese");

            // Only Vietnam: the kettle from China goes, in place
            page.getByLabel("Vietnam").check();
            expect(hitTitled(hits, chinaKettle)).hasCount(0);
            expect(hitTitled(hits, kettle.englishTitle())).hasCount(1);
            expect(hitTitled(hits, kettle.englishTitle()).locator("dd.code")).hasText("8516.79");
            for (Locator origin : hits.locator("dt:text-is('" + ui.text("search.hit.origin") + "') + dd").all()) {
                expect(origin).hasText("Vietnam");
            }
            assertThat(page.url()).contains("origin=VN");
            journal.snapshot(page, "only-vietnam");

            // The product page: photo, both languages, canonical link, OpenGraph, structured data
            role(hitTitled(hits, kettle.englishTitle()), AriaRole.LINK, kettle.englishTitle()).click();
            page.waitForURL(productUrl);
            expect(heading(page)).hasText(kettle.englishTitle());
            Locator photo = page.locator("img.product-image");
            expect(photo).hasAttribute("alt", kettle.englishTitle());
            page.waitForFunction("img => img.complete && img.naturalWidth > 0", photo.elementHandle());
            assertThat((Integer) photo.evaluate("img => img.naturalWidth")).isPositive();
            expect(page.locator("dt:text-is('" + ui.text("storefront.product.port") + "') + dd"))
                    .hasText("Haiphong, Vietnam (VNHPH)");
            expect(page.locator("link[rel=canonical]")).hasAttribute("href", productUrl);
            expect(page.locator("link[rel=alternate][hreflang=en]")).hasAttribute("href", productUrl + "?lang=en");
            expect(page.locator("link[rel=alternate][hreflang=zh-CN]")).hasAttribute("href", productUrl + "?lang=zh-CN");
            expect(page.locator("link[rel=alternate][hreflang=x-default]")).hasAttribute("href", productUrl);
            expect(meta(page, "og:type")).hasAttribute("content", "product");
            expect(meta(page, "og:title")).hasAttribute("content", kettle.englishTitle());
            expect(meta(page, "og:description")).hasAttribute("content", kettle.englishDescription());
            expect(meta(page, "og:url")).hasAttribute("content", productUrl);
            expect(meta(page, "og:locale")).hasAttribute("content", "en");
            String imageUrl = meta(page, "og:image").getAttribute("content");
            assertThat(imageUrl).startsWith(BASE_URL + "/media/");
            APIResponse image = buyerContext.request().get(imageUrl);
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.headers().get("content-type")).isEqualTo("image/jpeg");

            String served = jsonLd(page);
            StructuredData.Node product = structuredData(served, productUrl);
            assertThat(product.types()).containsExactly(StructuredData.SCHEMA + "Product");
            assertThat(product.id()).isEqualTo(productUrl + "#product");
            assertThat(product.text("url")).isEqualTo(productUrl);
            assertThat(product.text("name")).isEqualTo(kettle.englishTitle());
            assertThat(product.text("description")).isEqualTo(kettle.englishDescription());
            assertThat(product.text("image")).isEqualTo(imageUrl);
            assertThat(product.node("countryOfOrigin").text("name")).isEqualTo("VN");
            for (String role : List.of("brand", "manufacturer")) {
                StructuredData.Node organization = product.node(role);
                assertThat(organization.types()).as(role).containsExactly(StructuredData.SCHEMA + "Organization");
                assertThat(organization.text("name")).as(role).isEqualTo(supplier.name());
                assertThat(organization.text("url")).as(role).isEqualTo(BASE_URL + "/suppliers/" + supplier.id());
            }
            StructuredData.Node offers = product.node("offers");
            assertThat(offers.types()).containsExactly(StructuredData.SCHEMA + "AggregateOffer");
            assertThat(offers.text("priceCurrency")).isEqualTo("USD");
            assertThat(offers.number("lowPrice")).isEqualByComparingTo("11.20");
            assertThat(offers.number("highPrice")).isEqualByComparingTo("12.50");
            assertThat(offers.nodes("offers")).hasSize(2).allSatisfy(offer -> {
                assertThat(offer.types()).containsExactly(StructuredData.SCHEMA + "Offer");
                assertThat(offer.number("price")).isGreaterThan(BigDecimal.ZERO);
                assertThat(offer.text("priceCurrency")).isEqualTo("USD");
            });
            journal.snapshot(page, "product-page");

            // Shortlist it, and find it on the organization's shortlist
            role(page, AriaRole.BUTTON, ui.text("shortlist.add")).click();
            expect(page.getByRole(AriaRole.STATUS)).hasText(ui.text("shortlist.added-notice"));
            expect(page.locator(".shortlist-box")).containsText(ui.text("storefront.product.on-shortlist"));
            journal.snapshot(page, "shortlisted");
            role(page, AriaRole.LINK, ui.text("storefront.product.see-shortlist")).click();
            expect(heading(page)).hasText(ui.text("shortlist.title"));
            Locator entry = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                    .setHas(role(page, AriaRole.LINK, kettle.englishTitle())));
            expect(entry).containsText(supplier.name());
            journal.snapshot(page, "shortlist");

            // The Chinese version of the page, from the page's own language links
            role(entry, AriaRole.LINK, kettle.englishTitle()).click();
            page.locator("nav.languages a[hreflang='zh-CN']").click();
            page.waitForURL(productUrl + "?lang=zh-CN");
            expect(heading(page)).hasText(kettle.chineseTitle());
            expect(page.locator("article.product")).hasAttribute("lang", "zh-CN");
            expect(page.locator("link[rel=canonical]")).hasAttribute("href", productUrl + "?lang=zh-CN");
            StructuredData.Node chinese = structuredData(jsonLd(page), productUrl + "?lang=zh-CN");
            assertThat(chinese.id()).as("one product in every language").isEqualTo(productUrl + "#product");
            assertThat(chinese.text("name")).isEqualTo(kettle.chineseTitle());
            assertThat(chinese.text("description")).isEqualTo(kettle.chineseDescription());
            journal.snapshot(page, "product-page-in-chinese");

            // A crawler, without a session, gets the page from the public page cache: the same data
            try (BrowserContext crawler = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
                PageProblems crawlerProblems = PageProblems.watch(crawler);
                Page anonymous = crawler.newPage();
                anonymous.navigate(productUrl);
                expect(heading(anonymous)).hasText(kettle.englishTitle());
                expect(anonymous.locator("link[rel=canonical]")).hasAttribute("href", productUrl);
                assertThat(jsonLd(anonymous)).isEqualTo(served);
                assertThat(crawlerProblems.all()).as("problems in the crawler's browser").isEmpty();
            }

            assertThat(supplierProblems.all()).as("problems in the supplier's browser").isEmpty();
            assertThat(buyerProblems.all()).as("problems in the buyer's browser").isEmpty();
        }
    }

    /**
     * The supplier's part, in its language: a new product on the form, a photo on its page, then
     * published. Returns the product's id, from the address of its page.
     */
    private String createAndPublish(Page page, Texts ui, TestAccounts.Member trader, Kettle kettle, Journal journal) {
        // the page's language selector, after sign-in (which applies the member's own language)
        Ui.signIn(page, BASE_URL, new Texts(messages, Locale.ENGLISH), trader);
        if (!"en".equals(ui.locale().getLanguage())) {
            page.waitForLoadState(); // the selector submits on change once the page's script runs
            page.getByLabel("Language", new Page.GetByLabelOptions().setExact(true)).selectOption("zh-CN");
            page.waitForURL(url -> url.contains("lang=zh-CN"));
            expect(page.locator("html")).hasAttribute("lang", "zh-CN");
        }
        navigation(page, ui, "nav.products").click();
        expect(heading(page)).hasText(ui.text("products.title"));
        role(page, AriaRole.LINK, ui.text("products.new")).click();
        expect(heading(page)).hasText(ui.text("product.new.title"));

        // the type-aheads (htmx) listen once the page has loaded: a person does not type sooner
        page.waitForLoadState();
        Locator hsCode = page.getByLabel(ui.text("product.hs-code"));
        hsCode.pressSequentially("8516.79");
        // the type-ahead offers the subheading from the nomenclature; choosing it fills in its code
        expect(page.locator("#hs-options option[value='851679']")).hasCount(1);
        hsCode.fill("851679");

        // the form opens with a row for English and one for Chinese
        Locator english = page.locator(".text-row").nth(0);
        Locator chinese = page.locator(".text-row").nth(1);
        expect(english.getByLabel(ui.text("product.locale"))).hasValue("en");
        expect(chinese.getByLabel(ui.text("product.locale"))).hasValue("zh-CN");
        english.getByLabel(ui.text("product.title")).fill(kettle.englishTitle());
        english.getByLabel(ui.text("product.description")).fill(kettle.englishDescription());
        chinese.getByLabel(ui.text("product.title")).fill(kettle.chineseTitle());
        chinese.getByLabel(ui.text("product.description")).fill(kettle.chineseDescription());
        expect(page.getByLabel(ui.text("product.default-locale"))).hasValue("en");

        Locator specification = page.locator(".spec-row").first();
        specification.getByLabel(ui.text("product.specification.name")).fill("Capacity");
        specification.getByLabel(ui.text("product.specification.value")).fill("1.7 L");

        page.getByLabel(ui.text("product.unit"), exactLabel()).selectOption(UnitOfMeasure.C62.code());
        page.getByLabel(ui.text("product.moq")).fill("200");
        page.getByLabel(ui.text("product.currency")).selectOption("USD");
        Locator tiers = page.locator(".tier-row");
        tiers.nth(0).getByLabel(ui.text("product.tier.from")).fill("200");
        tiers.nth(0).getByLabel(ui.text("product.tier.price")).fill("12.50");
        tiers.nth(1).getByLabel(ui.text("product.tier.from")).fill("1000");
        tiers.nth(1).getByLabel(ui.text("product.tier.price")).fill("11.20");
        page.getByLabel(ui.text("product.lead-time")).fill("30");
        page.getByLabel(ui.text("product.origin")).selectOption("VN");
        page.getByLabel(ui.text("product.port-of-loading")).pressSequentially("VNHPH");
        expect(page.locator("#port-options option[value='VNHPH']")).hasCount(1);
        page.getByLabel(ui.text("certification.CE"), exactLabel()).check();
        formStep(journal, page, ui, "new-product");
        role(page, AriaRole.BUTTON, ui.text("product.create")).click();

        expect(page.getByRole(AriaRole.STATUS)).hasText(ui.text("product.saved.created"));
        expect(heading(page)).hasText("en".equals(ui.locale().getLanguage()) ? kettle.englishTitle()
                : kettle.chineseTitle());
        String productId = page.url().substring(page.url().lastIndexOf('/') + 1);

        page.getByLabel(ui.text("media.image.file")).setInputFiles(new FilePayload("kettle.jpg", "image/jpeg",
                jpeg()));
        role(page, AriaRole.BUTTON, ui.text("media.image.upload")).click();
        expect(page.getByRole(AriaRole.STATUS)).hasText(ui.text("media.saved.image-added"));
        expect(page.locator("ol.media-images img")).hasCount(1);
        formStep(journal, page, ui, "photo-added");

        role(page, AriaRole.BUTTON, ui.text("product.publish")).click();
        expect(page.getByRole(AriaRole.STATUS)).hasText(ui.text("product.saved.published"));
        expect(role(page, AriaRole.LINK, ui.text("product.view-public"))).hasAttribute("href", "/products/" + productId);
        formStep(journal, page, ui, "published");
        return productId;
    }

    /**
     * Records a step on the product form. In Chinese, the page's language is checked but not the
     * absence of English sentences: the currency list names the few currencies newer than the JDK's
     * CLDR data (XAD, the Arab Accounting Dinar) by their ISO 4217 English name, by design
     * ({@code Currency.displayName}). The form's labels were found by their Chinese texts.
     */
    private static void formStep(Journal journal, Page page, Texts ui, String name) {
        if ("en".equals(ui.locale().getLanguage())) {
            journal.step(page, name);
        } else {
            journal.snapshot(page, name);
            expect(page.locator("html")).hasAttribute("lang", ui.locale().toLanguageTag());
        }
    }

    /**
     * Another supplier's kettle, made in China, that the buyer's English and Chinese searches both
     * find. Made through the service: it is the background of the journey, not a step of it.
     */
    private String chinaKettleMatchingBothQueries(Kettle kettle) {
        var other = accounts.organization(Role.TRADER);
        var trader = other.member(Role.TRADER).principal();
        String title = "Electric kettle with temperature control " + kettle.model();
        var details = new ProductDetails("8516.79", "en", List.of(
                new ProductDetails.Text("en", title, null),
                new ProductDetails.Text("zh-CN", "温控电热水壶 " + kettle.model(), null)), List.of(),
                UnitOfMeasure.C62, 500, new CurrencyCode("USD"), List.of(new ProductDetails.PriceTier(500, 990)), 25,
                new CountryCode("CN"), null, List.of(), null, List.of());
        var id = tenancy.callAs(other.id(), () -> products.create(trader, details)).id();
        tenancy.runAs(other.id(), () -> products.publish(trader, id));
        return title;
    }

    /**
     * Searches for {@code query} until a hit titled {@code title} shows: the listing reaches the index
     * shortly after its publication commits, so a first search may come too early, and the buyer
     * searches again.
     */
    private static void searchUntilFound(Page page, Texts ui, String query, String title) {
        page.getByLabel(ui.text("search.query.label")).fill(query);
        Locator hit = hitTitled(page.locator(".search-hit"), title);
        long deadline = System.nanoTime() + INDEXING.toNanos();
        while (true) {
            page.waitForResponse(response -> response.url().startsWith(BASE_URL + "/search?"),
                    () -> role(page, AriaRole.BUTTON, ui.text("search.submit")).click());
            try {
                expect(hit).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(1_000));
                return;
            } catch (AssertionFailedError notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("No hit titled '" + title + "' for '" + query + "' after " + INDEXING
                            + ": " + page.locator("#search-results").innerText(), notYet);
                }
            }
        }
    }

    /**
     * The page's one JSON-LD block as served: the text of a {@code <script>} element is the raw
     * text of the response (the HTML parser decodes nothing in it).
     */
    private static String jsonLd(Page page) {
        List<String> blocks = page.locator("script[type='application/ld+json']").allTextContents();
        assertThat(blocks).as("JSON-LD blocks on %s", page.url()).hasSize(1);
        return blocks.getFirst();
    }

    /** A JSON-LD block checked as schema.org structured data: its one node. */
    private static StructuredData.Node structuredData(String json, String pageUrl) {
        List<StructuredData.Node> nodes = StructuredData.validate(json, pageUrl);
        assertThat(nodes).hasSize(1);
        return nodes.getFirst();
    }

    private static Locator hitTitled(Locator hits, String title) {
        return hits.filter(new Locator.FilterOptions().setHas(hits.page().getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName(title).setExact(true))));
    }

    private static Locator meta(Page page, String property) {
        return page.locator("meta[property='" + property + "']");
    }

    /** A photo: a steel-grey kettle shape on white, as a JPEG. */
    private static byte[] jpeg() {
        var image = new BufferedImage(800, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 800, 800);
        g.setColor(Color.GRAY);
        g.fillRoundRect(220, 200, 360, 460, 80, 80);
        g.fillRect(580, 300, 80, 40);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
