package trade.caravan.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

class ProductDetailsTests {

    static ProductDetails kettle() {
        return new ProductDetails("8516.71", "en",
                List.of(new ProductDetails.Text("en", "Electric kettle 1.7 l", "Stainless steel."),
                        new ProductDetails.Text("zh_CN", "电热水壶 1.7 升", "不锈钢。")),
                List.of(new ProductDetails.Specification("Power", "2200 W")), UnitOfMeasure.C62, 500,
                new CurrencyCode("USD"),
                List.of(new ProductDetails.PriceTier(500, 1240), new ProductDetails.PriceTier(2000, 1190)), 30,
                new CountryCode("CN"), "CNSZX", List.of(new ProductDetails.Certification(CertificationKind.CE, null, null)),
                new ProductDetails.Packaging(6, 400, 300, 250, 7200), List.of());
    }

    @Test
    void languageTagsAreNormalizedAndTextsChosenByLanguage() {
        ProductDetails details = kettle();
        assertThat(details.texts()).extracting(ProductDetails.Text::locale).containsExactly("en", "zh-CN");
        assertThat(details.text(Locale.SIMPLIFIED_CHINESE).title()).isEqualTo("电热水壶 1.7 升");
        assertThat(details.text(Locale.GERMAN).title()).isEqualTo("Electric kettle 1.7 l");
    }

    @Test
    void blankRowsAreIgnoredAndEveryOtherProblemIsReportedByField() {
        assertThatThrownBy(() -> new ProductDetails(" ", "fr",
                List.of(new ProductDetails.Text("en", "", ""), new ProductDetails.Text("not a tag!", "Title", null),
                        new ProductDetails.Text("de", "x".repeat(201), null)),
                List.of(new ProductDetails.Specification("", ""), new ProductDetails.Specification("Power", "")),
                null, 0, null, List.of(), -1, null, null,
                List.of(new ProductDetails.Certification(CertificationKind.OTHER, " ", null)),
                new ProductDetails.Packaging(0, 1, 1, 1, 1), List.of()))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().stream().map(InvalidInput.Violation::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("hsCode", "texts[1].locale", "texts[2].title", "defaultLocale", "specifications[1]", "unit",
                        "minimumOrderQuantity", "currency", "leadTimeDays", "origin", "certifications[0].name",
                        "packaging");
    }
}
