package trade.caravan.catalog.listing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestComponent;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.catalog.product.ProductView;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.TestAccounts;

/**
 * Publishes products through {@link ProductManagement}, as suppliers do, and waits (bounded) until
 * the search index has caught up. The database is shared by the whole suite: each test searches
 * for a word only its own listings carry ({@link #word()}).
 */
@TestComponent
class SearchFixture {

    static final Duration INDEXING_BOUND = Duration.ofSeconds(30);
    static final CurrencyCode USD = new CurrencyCode("USD");

    private final ProductManagement products;
    private final TestAccounts accounts;
    private final Tenancy tenancy;
    private final ListingSearch search;

    SearchFixture(ProductManagement products, TestAccounts accounts, Tenancy tenancy, ListingSearch search) {
        this.products = products;
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.search = search;
    }

    /** A word found in no other test's listings (letters only, so every analyzer keeps it whole). */
    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    /** A product as a supplier lists it; every part can be changed with the withers. */
    record Draft(String hsCode, String defaultLocale, List<ProductDetails.Text> texts, CurrencyCode currency,
            long priceMinor, long moq, String origin, List<CertificationKind> certifications,
            List<ProductDetails.Specification> specifications) {

        static Draft titled(String title) {
            return new Draft("8516.71", "en", List.of(new ProductDetails.Text("en", title, null)), USD, 1_190, 500,
                    "CN", List.of(), List.of());
        }

        Draft texts(ProductDetails.Text... texts) {
            return new Draft(hsCode, texts[0].locale(), List.of(texts), currency, priceMinor, moq, origin,
                    certifications, specifications);
        }

        Draft hs(String code) {
            return new Draft(code, defaultLocale, texts, currency, priceMinor, moq, origin, certifications,
                    specifications);
        }

        Draft price(String currencyCode, long minor) {
            return new Draft(hsCode, defaultLocale, texts, new CurrencyCode(currencyCode), minor, moq, origin,
                    certifications, specifications);
        }

        Draft moq(long quantity) {
            return new Draft(hsCode, defaultLocale, texts, currency, priceMinor, quantity, origin, certifications,
                    specifications);
        }

        Draft origin(String country) {
            return new Draft(hsCode, defaultLocale, texts, currency, priceMinor, moq, country, certifications,
                    specifications);
        }

        Draft certified(CertificationKind... kinds) {
            return new Draft(hsCode, defaultLocale, texts, currency, priceMinor, moq, origin, List.of(kinds),
                    specifications);
        }

        Draft specification(String name, String value) {
            return new Draft(hsCode, defaultLocale, texts, currency, priceMinor, moq, origin, certifications,
                    List.of(new ProductDetails.Specification(name, value)));
        }

        ProductDetails details() {
            return new ProductDetails(hsCode, defaultLocale, texts, specifications, UnitOfMeasure.C62, moq, currency,
                    List.of(new ProductDetails.PriceTier(moq, priceMinor)), 30, new CountryCode(origin), null,
                    certifications.stream().map(kind -> new ProductDetails.Certification(kind, null, null)).toList(),
                    null, List.of());
        }
    }

    /** A supplier that publishes; its products are created and published in their own transactions. */
    final class Supplier {

        private final TestAccounts.Organization organization;

        private Supplier(TestAccounts.Organization organization) {
            this.organization = organization;
        }

        String name() {
            return organization.name();
        }

        TestAccounts.Organization organization() {
            return organization;
        }

        ProductId publish(Draft draft) {
            ProductId id = draft(draft);
            var trader = organization.member(Role.TRADER).principal();
            tenancy.runAs(organization.id(), () -> products.publish(trader, id));
            return id;
        }

        ProductId draft(Draft draft) {
            var trader = organization.member(Role.TRADER).principal();
            return tenancy.callAs(organization.id(), () -> products.create(trader, draft.details())).id();
        }

        /** Publishes in a transaction that then fails: nothing of it may remain. */
        void publishThenFail(ProductId id) {
            var trader = organization.member(Role.TRADER).principal();
            tenancy.runAs(organization.id(), () -> {
                products.publish(trader, id);
                throw new IllegalStateException("the transaction fails after the listing was written");
            });
        }

        void revise(ProductId id, Draft draft) {
            var trader = organization.member(Role.TRADER).principal();
            ProductView current = tenancy.callAs(organization.id(), () -> products.find(id));
            tenancy.runAs(organization.id(), () -> products.revise(trader, id, draft.details(), current.version()));
        }

        void withdraw(ProductId id) {
            var trader = organization.member(Role.TRADER).principal();
            tenancy.runAs(organization.id(), () -> products.withdraw(trader, id));
        }
    }

    Supplier supplier() {
        return new Supplier(accounts.organization(Role.TRADER));
    }

    SearchResults search(SearchRequest request) {
        return search(request, USD, Locale.ENGLISH);
    }

    SearchResults search(SearchRequest request, CurrencyCode currency, Locale locale) {
        return search.search(request, currency, locale);
    }

    /** Searches until the results satisfy {@code expectation} (the index follows commits a moment later). */
    SearchResults awaitSearch(SearchRequest request, Predicate<SearchResults> expectation) {
        return await().atMost(INDEXING_BOUND).pollInterval(Duration.ofMillis(100))
                .until(() -> search(request), expectation);
    }

    static SearchRequest query(String q) {
        return new SearchRequest(q, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, 100);
    }

    static List<ProductId> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }
}
