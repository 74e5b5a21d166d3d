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
import trade.caravan.support.TestProducts;

class ProductDetailsTests {

    @Test
    void languageTagsAreNormalizedAndTextsChosenByLanguage() {
        ProductDetails details = TestProducts.kettle();
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
