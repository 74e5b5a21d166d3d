package trade.caravan.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JSON-LD check itself: it passes good data and names what is wrong with bad data. */
class StructuredDataTests {

    private static final String PAGE = "https://caravan.example/products/x";

    @Test
    void expandsSchemaOrgTermsToTheVocabulary() {
        var product = StructuredData.validate("""
                {"@context": "https://schema.org", "@type": "Product", "@id": "https://caravan.example/products/x#product",
                 "name": "Kettle", "url": "https://caravan.example/products/x",
                 "offers": {"@type": "Offer", "price": 12.5, "priceCurrency": "USD"}}
                """, PAGE).getFirst();

        assertThat(product.types()).containsExactly("http://schema.org/Product");
        assertThat(product.id()).isEqualTo(PAGE + "#product");
        assertThat(product.text("url")).isEqualTo(PAGE);
        assertThat(product.node("offers").number("price")).isEqualByComparingTo("12.5");
    }

    @Test
    void aMisspeltPropertyIsReportedNotDropped() {
        assertThatThrownBy(() -> StructuredData.validate("""
                {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "pirce": 12.5}
                """, PAGE)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Not valid schema.org JSON-LD: UNDEFINED_TERM")
                .hasMessageContaining("[pirce]");
    }

    @Test
    void aNullValueIsReportedNotDropped() {
        assertThatThrownBy(() -> StructuredData.validate("""
                {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "description": null}
                """, PAGE)).isInstanceOf(AssertionError.class).hasMessageContaining("$.description: dropped");
    }

    @Test
    void anUnknownTypeIsReported() {
        assertThatThrownBy(() -> StructuredData.validate("""
                {"@context": "https://schema.org", "@type": "Prodcut", "name": "Kettle"}
                """, PAGE)).isInstanceOf(AssertionError.class).hasMessageContaining("Prodcut");
    }

    @Test
    void aPropertyOnTheWrongTypeIsReported() {
        assertThatThrownBy(() -> StructuredData.validate("""
                {"@context": "https://schema.org", "@type": "Organization", "name": "Lianhua", "price": 12.5}
                """, PAGE)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.price: schema.org does not define price on [Organization]");
    }

    @Test
    void noOtherContextIsFetched() {
        assertThatThrownBy(() -> StructuredData.validate("""
                {"@context": "https://example.com/context.jsonld", "@type": "Product", "name": "Kettle"}
                """, PAGE)).isInstanceOf(AssertionError.class).hasMessageContaining("LOADING_REMOTE_CONTEXT_FAILED");
    }
}
