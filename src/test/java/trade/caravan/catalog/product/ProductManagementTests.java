package trade.caravan.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.accounts.Role;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestProducts;

@IntegrationTest
class ProductManagementTests {

    @Autowired
    ProductManagement products;
    @Autowired
    PublicCatalog catalog;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;

    @Test
    void aDraftIsPrivateUntilPublishedAndItsListingFollowsEveryChange() {
        var supplier = accounts.organization(Role.TRADER);
        var trader = supplier.member(Role.TRADER).principal();
        ProductView draft = tenancy.callAs(supplier.id(), () -> products.create(trader, TestProducts.kettle()));
        assertThat(draft.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(catalog.find(draft.id())).isEmpty();

        tenancy.runAs(supplier.id(), () -> products.publish(trader, draft.id()));
        ListingView listing = catalog.find(draft.id()).orElseThrow();
        assertThat(listing.supplierName()).isEqualTo(supplier.name());
        assertThat(listing.hsChapter()).isEqualTo("85");
        assertThat(listing.hsSection()).isEqualTo("XVI");
        assertThat(listing.prices().lowestUnitPrice().minor()).isEqualTo(1190);
        assertThat(listing.texts()).extracting(ListingView.Text::locale).containsExactly("en", "zh-CN");

        ProductView published = tenancy.callAs(supplier.id(), () -> products.find(draft.id()));
        ProductDetails cheaper = new ProductDetails(published.details().hsCode(), "en", published.details().texts(),
                published.details().specifications(), published.details().unit(), 500, new CurrencyCode("USD"),
                List.of(new ProductDetails.PriceTier(500, 1200), new ProductDetails.PriceTier(2000, 1100)), 20,
                new CountryCode("CN"), "CNSZX", List.of(), null, List.of());
        tenancy.runAs(supplier.id(), () -> products.revise(trader, draft.id(), cheaper, published.version()));
        assertThat(catalog.find(draft.id()).orElseThrow().prices().lowestUnitPrice().minor()).isEqualTo(1100);

        assertThatThrownBy(() -> tenancy.runAs(supplier.id(),
                () -> products.revise(trader, draft.id(), cheaper, published.version())))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode()).isEqualTo("error.concurrent-change");

        tenancy.runAs(supplier.id(), () -> products.withdraw(trader, draft.id()));
        assertThat(catalog.find(draft.id())).isEmpty();
        tenancy.runAs(supplier.id(), () -> products.archive(trader, draft.id()));
        assertThatThrownBy(() -> tenancy.runAs(supplier.id(), () -> products.publish(trader, draft.id())))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void referenceDataIsCheckedAndEveryProblemNamed() {
        var supplier = accounts.organization();
        var owner = supplier.owner().principal();
        ProductDetails k = TestProducts.kettle();
        ProductDetails wrong = new ProductDetails("9999.99", "en", k.texts(), k.specifications(), k.unit(), 500,
                new CurrencyCode("XYZ"), k.tiers(), 10, new CountryCode("ZZ"), "XXXXX", List.of(), null, List.of());
        assertThatThrownBy(() -> tenancy.runAs(supplier.id(), () -> products.create(owner, wrong)))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().stream().map(InvalidInput.Violation::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("hsCode", "currency", "origin", "portOfLoading");
    }

    @Test
    void onlyTradingRolesMayChangeTheCatalog() {
        var supplier = accounts.organization(Role.VIEWER, Role.FINANCE);
        for (Role role : List.of(Role.VIEWER, Role.FINANCE)) {
            var member = supplier.member(role).principal();
            assertThatThrownBy(() -> tenancy.runAs(supplier.id(),
                    () -> products.create(member, TestProducts.kettle())))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
        }
    }

    @Test
    void anotherSupplierCannotSeeOrTouchTheProduct() {
        var a = accounts.organization();
        var b = accounts.organization();
        ProductView draft = tenancy.callAs(a.id(), () -> products.create(a.owner().principal(), TestProducts.kettle()));
        var bOwner = b.owner().principal();
        assertThatThrownBy(() -> tenancy.runAs(b.id(), () -> products.find(draft.id())))
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> tenancy.runAs(b.id(), () -> products.publish(bOwner, draft.id())))
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        assertThat(tenancy.callAs(b.id(), () -> products.page(null, null, 100).items())).isEmpty();
    }
}
