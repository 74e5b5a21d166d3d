package trade.caravan.catalog.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.platform.Tenancy;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.reference.Location;
import trade.caravan.reference.Locations;
import trade.caravan.reference.TransportFunction;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CountryCode;
import trade.caravan.support.IntegrationTest;
import trade.caravan.support.TestAccounts;

/**
 * Every entry of the vocabulary against the reference data, as product management checks a
 * product against it: HS 2022 subheadings, UN/LOCODE ports (with a port function, in their
 * country), countries and current currencies; and a listing of every chapter published through
 * product management like any supplier's product.
 */
@IntegrationTest
class VocabularyReferenceDataTests {

    @Autowired
    HsNomenclature hs;
    @Autowired
    Locations locations;
    @Autowired
    Countries countries;
    @Autowired
    Currencies currencies;
    @Autowired
    ProductManagement products;
    @Autowired
    PublicCatalog catalog;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Tenancy tenancy;

    final Vocabulary vocabulary = Vocabulary.bundled();

    @Test
    void everyCodeIsInTheReferenceData() {
        for (Vocabulary.Article article : vocabulary.articles()) {
            assertThat(hs.validate(article.hsCode()).value()).as(article.name().en()).isEqualTo(article.hsCode());
        }
        for (Vocabulary.Chapter chapter : vocabulary.chapters()) {
            assertThat(hs.find(chapter.code())).as("chapter " + chapter.code()).isPresent();
        }
        for (Vocabulary.Country country : vocabulary.countries().values()) {
            assertThat(countries.exists(country.code())).as(country.code().value()).isTrue();
            country.currencies().keySet().forEach(currency -> assertThat(currencies.find(currency))
                    .as(currency.value()).hasValueSatisfying(c -> assertThat(c.current()).isTrue()));
            for (Vocabulary.Port port : country.ports()) {
                Location location = locations.find(UnLocode.of(port.code())).orElse(null);
                assertThat(location).as(port.code()).isNotNull();
                assertThat(location.country()).isEqualTo(country.code());
                assertThat(location.has(TransportFunction.PORT)).as(port.code() + " is a port").isTrue();
            }
        }
    }

    @Test
    void productManagementPublishesAListingOfEveryChapter() {
        var supplier = accounts.organization();
        var generator = new ListingGenerator(vocabulary, 5);
        List<ProductId> listed = new ArrayList<>();
        for (Vocabulary.Chapter chapter : vocabulary.chapters()) {
            Vocabulary.Article article = chapter.articles().get(chapter.articles().size() / 2);
            CountryCode origin = article.origins().isEmpty() ? chapter.origins().keySet().iterator().next()
                    : article.origins().getLast();
            ProductDetails details = generator.details(2, new SupplierProfile(origin, List.of()), article);
            try {
                listed.add(tenancy.callAs(supplier.id(), () -> products.publish(
                        products.createFor(supplier.id(), details).id()).id()));
            } catch (RuntimeException e) {
                throw new AssertionError(article.name().en() + " (" + article.hsCode() + "): " + e, e);
            }
        }
        assertThat(listed).hasSize(vocabulary.chapters().size());
        for (ProductId id : listed) {
            ListingView listing = catalog.find(id).orElseThrow();
            assertThat(listing.hsSection()).isNotBlank();
            assertThat(listing.texts()).extracting(ListingView.Text::locale).containsExactly("en", "zh-CN");
        }
    }
}
