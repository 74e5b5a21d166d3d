package trade.caravan.catalog.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo catalog on a database of its own (hence embedded only; not the one of accounts'
 * {@code DemoDataTests}, which must see the demo's sign-in details logged as its context starts):
 * seeded at start-up after the demo organizations, published, in both languages, across chapters
 * and exporters, each exporter selling what its trade is; and only once.
 */
@Tag("embedded")
@SpringBootTest(properties = {"caravan.demo.enabled=true", "caravan.database.embedded.database-name=demo_catalog"})
class DemoCatalogTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoCatalog demo;

    @Test
    void aFewHundredPublishedListingsAcrossChaptersAndExporters() {
        assertThat(count("select count(*) from catalog.products where status = 'PUBLISHED'"))
                .isEqualTo(DemoCatalog.PRODUCTS);
        assertThat(count("select count(*) from catalog.listings l join catalog.products p on p.id = l.id"))
                .isEqualTo(DemoCatalog.PRODUCTS);
        assertThat(count("select count(distinct hs_chapter) from catalog.listings")).isGreaterThanOrEqualTo(15);
        assertThat(count("select count(distinct supplier_id) from catalog.listings")).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(distinct origin_country) from catalog.listings")).isGreaterThanOrEqualTo(5);
        assertThat(count("""
                select count(*) from catalog.listings l
                where not exists (select 1 from catalog.listing_texts t where t.listing_id = l.id and t.locale = 'en')
                   or not exists (select 1 from catalog.listing_texts t where t.listing_id = l.id and t.locale = 'zh-CN')
                """)).isZero();

        // the garment maker sells garments, shoes and bags made in Vietnam; the food exporter food from Spain
        assertThat(jdbc.sql("""
                select distinct l.hs_chapter from catalog.listings l join accounts.organizations o on o.id = l.supplier_id
                where o.legal_name like 'Hai Phong%'""").query(String.class).list())
                .isNotEmpty().isSubsetOf(List.of("61", "62", "64", "42"));
        assertThat(jdbc.sql("""
                select distinct l.origin_country from catalog.listings l
                join accounts.organizations o on o.id = l.supplier_id where o.legal_name like 'Conservas%'""")
                .query(String.class).list()).containsExactly("ES");
        // importers sell nothing
        assertThat(count("""
                select count(*) from catalog.listings l join accounts.organizations o on o.id = l.supplier_id
                where o.trade_role = 'IMPORTER'""")).isZero();

        demo.run(new DefaultApplicationArguments());
        assertThat(count("select count(*) from catalog.products")).isEqualTo(DemoCatalog.PRODUCTS);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
