package trade.caravan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.reference.HsCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestProducts;

/**
 * Suppliers by HS chapter. Other test classes list products in the same database, so answers are
 * read for this class's suppliers only, except where a whole answer is compared with another.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierMatchingTests {

    @Autowired
    SupplierMatching matching;
    @Autowired
    ProductManagement products;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;

    OrganizationId busy;
    OrganizationId small;
    OrganizationId apparel;
    OrganizationId drafting;
    Set<OrganizationId> ours;

    @BeforeAll
    void fiveSuppliers() {
        busy = supplier(List.of("8516.71", "8509.40", "6109.10"), List.of());
        // its drafts would put it first if they counted
        small = supplier(List.of("8516.71"), List.of("8516.71", "8509.40"));
        apparel = supplier(List.of("6109.10"), List.of());
        drafting = supplier(List.of(), List.of("8516.71"));
        TestAccounts.Organization withdrawing = accounts.organization();
        ProductId withdrawn = publish(withdrawing, "8509.40");
        tenancy.runAs(withdrawing.id(), () -> products.withdraw(withdrawing.owner().principal(), withdrawn));
        ours = Set.of(busy, small, apparel, drafting, withdrawing.id());
    }

    @Test
    void suppliersWithPublishedListingsInTheChapterMostListingsFirst() {
        assertThat(ours(matching.suppliersListingIn(HsCode.of("85"), Set.of(), 10_000))).containsExactly(busy, small);
        assertThat(ours(matching.suppliersListingIn(HsCode.of("61"), Set.of(), 10_000)))
                .containsExactlyElementsOf(byIdentifier(busy, apparel));
        assertThat(ours(matching.suppliersListingIn(HsCode.of("09"), Set.of(), 10_000))).isEmpty();
    }

    @Test
    void aHeadingOrSubheadingStandsForItsChapter() {
        List<OrganizationId> chapter = matching.suppliersListingIn(HsCode.of("85"), Set.of(), 10_000);
        assertThat(matching.suppliersListingIn(HsCode.of("8516"), Set.of(), 10_000)).isEqualTo(chapter);
        assertThat(matching.suppliersListingIn(HsCode.of("6109.10"), Set.of(), 10_000))
                .isEqualTo(matching.suppliersListingIn(HsCode.of("61"), Set.of(), 10_000));
    }

    @Test
    void excludedSuppliersAreLeftOutAndTheRestKeepTheirOrder() {
        List<OrganizationId> all = matching.suppliersListingIn(HsCode.of("85"), Set.of(), 10_000);
        List<OrganizationId> withoutBusy = matching.suppliersListingIn(HsCode.of("85"), Set.of(busy), 10_000);

        assertThat(withoutBusy).doesNotContain(busy)
                .isEqualTo(all.stream().filter(id -> !id.equals(busy)).toList());
        assertThat(ours(matching.suppliersListingIn(HsCode.of("85"), Set.of(busy, small), 10_000))).isEmpty();
    }

    @Test
    void atMostTheLimitTheFirstOnesOfTheWholeAnswer() {
        List<OrganizationId> all = matching.suppliersListingIn(HsCode.of("85"), Set.of(), 10_000);
        assertThat(all).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);

        assertThat(matching.suppliersListingIn(HsCode.of("85"), Set.of(), 1)).isEqualTo(all.subList(0, 1));
        assertThat(matching.suppliersListingIn(HsCode.of("85"), Set.of(), 2)).isEqualTo(all.subList(0, 2));
        assertThatThrownBy(() -> matching.suppliersListingIn(HsCode.of("85"), Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<OrganizationId> ours(List<OrganizationId> found) {
        return found.stream().filter(ours::contains).toList();
    }

    /** Ties go by identifier as PostgreSQL orders uuids: byte by byte, as their hex text sorts. */
    private static List<OrganizationId> byIdentifier(OrganizationId... ids) {
        return java.util.Arrays.stream(ids).sorted(Comparator.comparing(OrganizationId::toString)).toList();
    }

    private OrganizationId supplier(List<String> published, List<String> drafts) {
        TestAccounts.Organization supplier = accounts.organization();
        published.forEach(hs -> publish(supplier, hs));
        drafts.forEach(hs -> draft(supplier, hs));
        return supplier.id();
    }

    private ProductId publish(TestAccounts.Organization supplier, String hsCode) {
        ProductId id = draft(supplier, hsCode);
        tenancy.runAs(supplier.id(), () -> products.publish(supplier.owner().principal(), id));
        return id;
    }

    private ProductId draft(TestAccounts.Organization supplier, String hsCode) {
        ProductDetails k = TestProducts.kettle();
        ProductDetails details = new ProductDetails(hsCode, k.defaultLocale(), k.texts(), k.specifications(), k.unit(),
                k.minimumOrderQuantity(), k.currency(), k.tiers(), k.leadTimeDays(), k.origin(), k.portOfLoading(),
                k.certifications(), k.packaging(), k.images());
        return tenancy.callAs(supplier.id(), () -> products.create(supplier.owner().principal(), details)).id();
    }
}
