package trade.caravan.catalog.storefront;

import java.util.List;

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

/** Products of test suppliers, as drafts or published, through the supplier's own service. */
final class Listed {

    private final ProductManagement products;
    private final Tenancy tenancy;

    Listed(ProductManagement products, Tenancy tenancy) {
        this.products = products;
        this.tenancy = tenancy;
    }

    /** A kettle with English and Chinese texts, two price tiers in US dollars, port Shenzhen. */
    static ProductDetails kettle(String englishTitle) {
        return new ProductDetails("8516.71", "en",
                List.of(new ProductDetails.Text("en", englishTitle, "Stainless steel.\nAuto shut-off."),
                        new ProductDetails.Text("zh-CN", "电热水壶 1.7 升", "不锈钢。")),
                List.of(new ProductDetails.Specification("Power", "2200 W")), UnitOfMeasure.C62, 500,
                new CurrencyCode("USD"),
                List.of(new ProductDetails.PriceTier(500, 1240), new ProductDetails.PriceTier(2000, 1190)), 30,
                new CountryCode("CN"), "CNSZX",
                List.of(new ProductDetails.Certification(CertificationKind.CE, null, null)),
                new ProductDetails.Packaging(6, 400, 300, 250, 7200), List.of());
    }

    /** English only, one tier in euros, no port, no packaging. */
    static ProductDetails englishOnly(String title) {
        return new ProductDetails("0901.21", "en", List.of(new ProductDetails.Text("en", title, null)), List.of(),
                UnitOfMeasure.KGM, 100, new CurrencyCode("EUR"), List.of(new ProductDetails.PriceTier(100, 2550)), 14,
                new CountryCode("BR"), null, List.of(), null, List.of());
    }

    ProductId draft(TestAccounts.Organization supplier, ProductDetails details) {
        return tenancy.callAs(supplier.id(), () -> products.create(supplier.owner().principal(), details)).id();
    }

    ProductId published(TestAccounts.Organization supplier, ProductDetails details) {
        ProductId id = draft(supplier, details);
        tenancy.runAs(supplier.id(), () -> products.publish(supplier.owner().principal(), id));
        return id;
    }

    void revise(TestAccounts.Organization supplier, ProductId id, ProductDetails details) {
        tenancy.runAs(supplier.id(), () -> {
            ProductView current = products.find(id);
            products.revise(supplier.owner().principal(), id, details, current.version());
        });
    }

    void withdraw(TestAccounts.Organization supplier, ProductId id) {
        tenancy.runAs(supplier.id(), () -> products.withdraw(supplier.owner().principal(), id));
    }
}
