package trade.caravan.catalog.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trade.caravan.catalog.listing.SearchFixture.ids;
import static trade.caravan.catalog.listing.SearchFixture.query;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.SearchFixture.Draft;
import trade.caravan.support.IntegrationTest;

/** The index follows the listings: what is committed becomes searchable, and only that. */
@IntegrationTest
@Import(SearchFixture.class)
class ListingIndexingTests {

    @Autowired
    SearchFixture fixture;
    @Autowired
    JdbcClient jdbc;

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

    @Test
    void aChangeThatIsRolledBackLeavesNoEventAndNeverReachesTheIndex() {
        var supplier = fixture.supplier();
        String rolledBack = SearchFixture.word();
        String committed = SearchFixture.word();
        ProductId draft = supplier.draft(Draft.titled("Thermos " + rolledBack));
        assertThatThrownBy(() -> supplier.publishThenFail(draft)).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select count(*) from catalog.hsearch_outbox_event where entity_id = ?")
                .param(draft.toString()).query(Long.class).single()).isZero();

        ProductId later = supplier.publish(Draft.titled("Thermos " + committed));
        fixture.awaitSearch(query(committed), results -> ids(results).contains(later));
        assertThat(fixture.search(query(rolledBack)).total()).isZero();
    }
}
