package trade.caravan.catalog.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static trade.caravan.catalog.listing.SearchFixture.ids;
import static trade.caravan.catalog.listing.SearchFixture.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.SearchFixture.Draft;
import trade.caravan.support.IntegrationTest;

/** The index follows the listings: what is committed becomes searchable, and only that. */
@IntegrationTest
@Import(SearchFixture.class)
class ListingIndexingTests {

    @Autowired
    SearchFixture fixture;

    @Test
    void aPublishedProductBecomesSearchableARevisionReplacesItAndAWithdrawalRemovesIt() {
        var supplier = fixture.supplier();
        String first = SearchFixture.word();
        String second = SearchFixture.word();
        ProductId id = supplier.publish(Draft.titled("Stainless kettle " + first));
        fixture.awaitSearch(query(first), results -> ids(results).contains(id));

        supplier.revise(id, Draft.titled("Stainless kettle " + second));
        fixture.awaitSearch(query(second), results -> ids(results).contains(id));
        assertThat(ids(fixture.search(query(first)))).doesNotContain(id);

        supplier.withdraw(id);
        fixture.awaitSearch(query(second), results -> results.total() == 0);
    }
}
