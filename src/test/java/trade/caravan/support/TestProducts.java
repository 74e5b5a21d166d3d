package trade.caravan.support;

import java.util.List;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/** Products for tests: valid against the bundled reference data. */
public final class TestProducts {

    private TestProducts() {
    }

    /** An electric kettle from Shenzhen, in English and Chinese, two price tiers in US dollars. */
    public static ProductDetails kettle() {
        return new ProductDetails("8516.71", "en",
                List.of(new ProductDetails.Text("en", "Electric kettle 1.7 l", "Stainless steel."),
                        new ProductDetails.Text("zh_CN", "电热水壶 1.7 升", "不锈钢。")),
                List.of(new ProductDetails.Specification("Power", "2200 W")), UnitOfMeasure.C62, 500,
                new CurrencyCode("USD"),
                List.of(new ProductDetails.PriceTier(500, 1240), new ProductDetails.PriceTier(2000, 1190)), 30,
                new CountryCode("CN"), "CNSZX", List.of(new ProductDetails.Certification(CertificationKind.CE, null, null)),
                new ProductDetails.Packaging(6, 400, 300, 250, 7200), List.of());
    }
}
