package trade.caravan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.platform.Tenancy;
import trade.caravan.reference.HsCode;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;
import trade.caravan.support.TestProducts;

@IntegrationTest
class ProductOutlinesTests {

    @Autowired
    ProductOutlines outlines;
    @Autowired
    ProductManagement products;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;

    @Test
    void aPublishedProductAsTheBuyerReadsItWithItsFirstPriceTier() {
        TestAccounts.Organization supplier = accounts.organization();
        ProductId id = draft(supplier, TestProducts.kettle());
        long version = tenancy.callAs(supplier.id(), () -> products.publish(supplier.owner().principal(), id)).version();

        ProductOutline outline = outlines.published(id, Locale.ENGLISH).orElseThrow();

        assertThat(outline.id()).isEqualTo(id);
        assertThat(outline.supplier()).isEqualTo(supplier.id());
        assertThat(outline.supplierName()).isEqualTo(supplier.name());
        assertThat(outline.hsCode()).isEqualTo(new HsCode("851671"));
        assertThat(outline.textLocale()).isEqualTo("en");
        assertThat(outline.title()).isEqualTo("Electric kettle 1.7 l");
        assertThat(outline.description()).isEqualTo("Stainless steel.");
        assertThat(outline.specifications()).containsExactly(new ProductOutline.Specification("Power", "2200 W"));
        assertThat(outline.unit()).isEqualTo(UnitOfMeasure.C62);
        assertThat(outline.minimumOrderQuantity()).isEqualByComparingTo(new BigDecimal(500));
        assertThat(outline.currency()).isEqualTo(new CurrencyCode("USD"));
        assertThat(outline.firstTierUnitPriceMinor()).isEqualTo(1240);
        assertThat(outline.origin()).isEqualTo(new CountryCode("CN"));
        assertThat(outline.portOfLoading()).isEqualTo(new UnLocode("CNSZX"));
        assertThat(outline.leadTimeDays()).isEqualTo(30);
        assertThat(outline.version()).isEqualTo(version);
    }

    @Test
    void theTextIsInTheReadersLanguageElseInTheListingsOwn() {
        TestAccounts.Organization supplier = accounts.organization();
        ProductId id = publish(supplier, TestProducts.kettle());

        ProductOutline chinese = outlines.published(id, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(chinese.textLocale()).isEqualTo("zh-CN");
        assertThat(chinese.title()).isEqualTo("电热水壶 1.7 升");
        assertThat(outlines.published(id, Locale.TRADITIONAL_CHINESE).orElseThrow().title()).isEqualTo("电热水壶 1.7 升");

        ProductOutline german = outlines.published(id, Locale.GERMAN).orElseThrow();
        assertThat(german.textLocale()).isEqualTo("en");
        assertThat(german.title()).isEqualTo("Electric kettle 1.7 l");
    }

    @Test
    void withoutDescriptionOrPortTheOutlineSaysSo() {
        TestAccounts.Organization supplier = accounts.organization();
        ProductId id = publish(supplier, new ProductDetails("0901.21", "en",
                List.of(new ProductDetails.Text("en", "Roasted coffee beans", null)), List.of(), UnitOfMeasure.KGM, 100,
                new CurrencyCode("EUR"), List.of(new ProductDetails.PriceTier(100, 2550),
                        new ProductDetails.PriceTier(1000, 2300)), 14, new CountryCode("BR"), null, List.of(), null,
                List.of()));

        ProductOutline outline = outlines.published(id, Locale.ENGLISH).orElseThrow();

        assertThat(outline.description()).isEmpty();
        assertThat(outline.portOfLoading()).isNull();
        assertThat(outline.specifications()).isEmpty();
        assertThat(outline.firstTierUnitPriceMinor()).isEqualTo(2550);
        assertThat(outline.minimumOrderQuantity()).isEqualByComparingTo(new BigDecimal(100));
    }

    @Test
    void draftsWithdrawnAndUnknownProductsHaveNoOutline() {
        TestAccounts.Organization supplier = accounts.organization();
        ProductId draft = draft(supplier, TestProducts.kettle());
        ProductId withdrawn = publish(supplier, TestProducts.kettle());
        tenancy.runAs(supplier.id(), () -> products.withdraw(supplier.owner().principal(), withdrawn));

        assertThat(outlines.published(draft, Locale.ENGLISH)).isEmpty();
        assertThat(outlines.published(withdrawn, Locale.ENGLISH)).isEmpty();
        assertThat(outlines.published(new ProductId(UUID.randomUUID()), Locale.ENGLISH)).isEmpty();
    }

    private ProductId publish(TestAccounts.Organization supplier, ProductDetails details) {
        ProductId id = draft(supplier, details);
        tenancy.runAs(supplier.id(), () -> products.publish(supplier.owner().principal(), id));
        return id;
    }

    private ProductId draft(TestAccounts.Organization supplier, ProductDetails details) {
        return tenancy.callAs(supplier.id(), () -> products.create(supplier.owner().principal(), details)).id();
    }
}
