package trade.caravan.catalog.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.TradeRole;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.listing.ListingView;
import trade.caravan.catalog.listing.PublicCatalog;
import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;

/**
 * The bulk writer on the shared test database: the rows of every table agree with each other and
 * with what the generator makes, and read back as ordinary listings. Its listings are removed
 * afterwards, so that other tests see the catalog they expect.
 */
@IntegrationTest
class BulkListingsTests {

    private static final long SEED = 0x7E57_2000L;
    private static final int COUNT = 2_000;
    private static final CurrencyCode EURO = new CurrencyCode("EUR");

    @Autowired
    BulkListings bulk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublicCatalog catalog;
    @Autowired
    OrganizationDirectory organizations;
    @Autowired
    IndicativePrices prices;

    @AfterEach
    void removeTheGeneratedListings() {
        jdbc.sql("delete from catalog.listings where supplier_id in (select id from accounts.organizations "
                + "where website like :site)").param("site", "%seed" + SEED + ".generated.example%").update();
    }

    @Test
    void writesListingsWhoseTablesAgree() {
        long listingsBefore = count("catalog.listings");
        // a persistent database (CI's external PostgreSQL, run after run) keeps earlier runs' suppliers
        List<UUID> earlierSuppliers = generatedSuppliers();
        BulkListings.Result result = bulk.write(COUNT, SEED, 3, 300, 2);
        assertThat(result.listings()).isEqualTo(COUNT);
        assertThat(result.suppliers()).isEqualTo(3);

        List<UUID> suppliers = new ArrayList<>(generatedSuppliers());
        suppliers.removeAll(earlierSuppliers);
        assertThat(suppliers).hasSize(3);
        suppliers.forEach(id -> {
            OrganizationSummary supplier = organizations.find(new OrganizationId(id)).orElseThrow();
            assertThat(supplier.tradeRole()).isEqualTo(TradeRole.EXPORTER);
            assertThat(jdbc.sql("select count(*) from accounts.memberships where organization_id = ?").param(id)
                    .query(Long.class).single()).isZero();
        });
        assertThat(count("catalog.listings") - listingsBefore).isEqualTo(COUNT);
        assertThat(generated("catalog.listings", "id")).isEqualTo(COUNT);

        // every child table has exactly the generator's rows
        var generator = new ListingGenerator(Vocabulary.bundled(), SEED);
        List<SupplierProfile> profiles = List.of(
                new SupplierProfile(SyntheticSuppliers.supplier(SEED, 0).country(), List.of()),
                new SupplierProfile(SyntheticSuppliers.supplier(SEED, 1).country(), List.of()),
                new SupplierProfile(SyntheticSuppliers.supplier(SEED, 2).country(), List.of()));
        long texts = 0;
        long specifications = 0;
        long tiers = 0;
        long certifications = 0;
        for (long index = 0; index < COUNT; index++) {
            ProductDetails details = generator.generate(index, profiles).details();
            texts += details.texts().size();
            specifications += details.specifications().size();
            tiers += details.tiers().size();
            certifications += details.certifications().size();
        }
        assertThat(texts).isEqualTo(2L * COUNT);
        assertThat(generated("catalog.listing_texts", "listing_id")).isEqualTo(texts);
        assertThat(generated("catalog.listing_specifications", "listing_id")).isEqualTo(specifications);
        assertThat(generated("catalog.listing_price_tiers", "listing_id")).isEqualTo(tiers);
        assertThat(generated("catalog.listing_certifications", "listing_id")).isEqualTo(certifications);
        assertThat(result.rows()).isEqualTo(COUNT + texts + specifications + tiers + certifications + 3);

        // the denormalized columns are what ListingWriter writes
        assertThat(jdbc.sql("""
                select count(*) from catalog.listings l join accounts.organizations o on o.id = l.supplier_id
                where o.website like :site and (l.hs_chapter <> substr(l.hs_code, 1, 2) or l.supplier_name <> o.legal_name
                  or l.lowest_price_minor <> (select min(t.unit_price_minor) from catalog.listing_price_tiers t
                                              where t.listing_id = l.id)
                  or l.minimum_order_quantity <> (select min(t.min_quantity) from catalog.listing_price_tiers t
                                                  where t.listing_id = l.id)
                  or (l.currency = 'EUR' and l.lowest_price_eur_cents <> l.lowest_price_minor))""")
                .param("site", "%seed" + SEED + ".generated.example%").query(Long.class).single()).isZero();

        // euro prices at today's rate, as IndicativePrices converts them
        record Price(Money lowest, long euroCents) {
        }
        List<Price> sample = jdbc.sql("""
                select l.currency, l.lowest_price_minor, l.lowest_price_eur_cents from catalog.listings l
                join accounts.organizations o on o.id = l.supplier_id where o.website like :site limit 300""")
                .param("site", "%seed" + SEED + ".generated.example%")
                .query((row, n) -> new Price(new Money(row.getLong(2), new CurrencyCode(row.getString(1))),
                        row.getLong(3)))
                .list();
        assertThat(sample).extracting(p -> p.lowest().currency().value()).contains("USD", "CNY");
        sample.forEach(price -> assertThat(price.euroCents()).as(price.lowest().toString())
                .isEqualTo(prices.convert(price.lowest(), EURO).converted().minor()));

        // and they read back as listings, the generated details intact
        ProductDetails first = generator.generate(0, profiles).details();
        ListingView listing = catalog.find(new ProductId(generator.listingId(0))).orElseThrow();
        assertThat(listing.hsCode()).isEqualTo(first.hsCode());
        assertThat(listing.texts()).extracting(ListingView.Text::title)
                .containsExactlyElementsOf(first.texts().stream().map(ProductDetails.Text::title).toList());
        assertThat(listing.specifications()).extracting(ListingView.Specification::value)
                .containsExactlyElementsOf(first.specifications().stream().map(ProductDetails.Specification::value)
                        .toList());
        assertThat(listing.prices().minimumOrderQuantity()).isEqualTo(first.minimumOrderQuantity());

        assertThatThrownBy(() -> bulk.write(10, SEED, 1, 10, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed " + SEED);
        assertThat(count("catalog.listings") - listingsBefore).isEqualTo(COUNT);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long generated(String table, String listingColumn) {
        return jdbc.sql("select count(*) from " + table + " x join catalog.listings l on l.id = x." + listingColumn
                + " join accounts.organizations o on o.id = l.supplier_id where o.website like :site")
                .param("site", "%seed" + SEED + ".generated.example%").query(Long.class).single();
    }

    private List<UUID> generatedSuppliers() {
        return jdbc.sql("select id from accounts.organizations where website like :site")
                .param("site", "%seed" + SEED + ".generated.example%").query(UUID.class).list();
    }
}
