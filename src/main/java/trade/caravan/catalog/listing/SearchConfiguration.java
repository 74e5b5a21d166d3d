package trade.caravan.catalog.listing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.OperatorPaths;
import trade.caravan.platform.PublicPaths;
import trade.caravan.platform.Tenancy;

/**
 * Hibernate Search for the listings: the embedded Lucene backend by default (or
 * Elasticsearch/OpenSearch when {@code hibernate.search.backend.type=elasticsearch} is configured,
 * with the matching analysis), and the outbox-polling coordination, so that a listing change is
 * recorded in PostgreSQL in the transaction that makes it and reaches the index after commit, even
 * across a crash or restart.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /**
     * Listings are public, not tenant-owned, but Hibernate ORM is multi-tenant here (organizations),
     * which makes Hibernate Search tag every document with a tenant. Every listing is indexed and
     * searched as the system tenant: it is ORM's root tenant, so its event processor sees the outbox
     * events that every supplier's transaction writes.
     */
    static final UUID INDEX_TENANT = Tenancy.SYSTEM;

    @Bean
    PublicPaths searchPaths() {
        return PublicPaths.get("/search", "/api/v1/search");
    }

    @Bean
    OperatorPaths searchOperatorPaths() {
        return OperatorPaths.of("/operator/search", "/operator/search/**");
    }

    @Bean
    SearchProperties searchProperties(SearchSettings settings) {
        return new SearchProperties(settings);
    }

    /** The Hibernate Search settings; any set explicitly under {@code spring.jpa.properties} win. */
    static class SearchProperties implements HibernatePropertiesCustomizer, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(SearchProperties.class);
        private static final String PREFIX = "hibernate.search.";

        /**
         * The outbox event and agent tables as Hibernate Search maps them, minus their tenant column:
         * Hibernate ORM demands one type for every {@code @TenantId} (UUIDs here, strings there), and
         * the events need none, since one processor (as the root tenant) handles them all.
         */
        private static final String OUTBOX_EVENT_MAPPING = """
                <entity-mappings xmlns="http://www.hibernate.org/xsd/orm/mapping">
                    <entity name="org.hibernate.search.mapper.orm.outboxpolling.event.impl.OutboxEvent"
                            class="org.hibernate.search.mapper.orm.outboxpolling.event.impl.OutboxEvent" access="FIELD">
                        <table name="hsearch_outbox_event" schema="catalog"/>
                        <attributes>
                            <id name="id"><uuid-generator style="random"/></id>
                            <basic name="entityName"><column name="entityName" nullable="false" length="256"/></basic>
                            <basic name="entityId"><column name="entityId" nullable="false" length="256"/></basic>
                            <basic name="entityIdHash"><column name="entityIdHash" nullable="false"/></basic>
                            <basic name="payload"><column name="payload" nullable="false" length="2147483647"/></basic>
                            <basic name="retries"><column name="retries" nullable="false"/></basic>
                            <basic name="processAfter"><column name="processAfter" nullable="false"/></basic>
                            <basic name="status">
                                <column name="status" nullable="false"/>
                                <enumerated>STRING</enumerated>
                            </basic>
                            <transient name="tenantId"/>
                        </attributes>
                    </entity>
                </entity-mappings>
                """;

        private static final String AGENT_MAPPING = """
                <entity-mappings xmlns="http://www.hibernate.org/xsd/orm/mapping">
                    <entity name="org.hibernate.search.mapper.orm.outboxpolling.cluster.impl.Agent"
                            class="org.hibernate.search.mapper.orm.outboxpolling.cluster.impl.Agent" access="FIELD">
                        <table name="hsearch_agent" schema="catalog"/>
                        <attributes>
                            <id name="id"><uuid-generator style="random"/></id>
                            <basic name="type">
                                <column name="type" nullable="false"/>
                                <enumerated>STRING</enumerated>
                            </basic>
                            <basic name="name"><column name="name" nullable="false"/></basic>
                            <basic name="expiration"><column name="expiration" nullable="false"/></basic>
                            <basic name="state">
                                <column name="state" nullable="false"/>
                                <enumerated>STRING</enumerated>
                            </basic>
                            <basic name="totalShardCount"><column name="totalShardCount" nullable="true"/></basic>
                            <basic name="assignedShardIndex"><column name="assignedShardIndex" nullable="true"/></basic>
                            <basic name="payload"><column name="payload" nullable="true" length="2147483647"/></basic>
                            <transient name="tenantId"/>
                        </attributes>
                    </entity>
                </entity-mappings>
                """;

        private final SearchSettings settings;
        private @Nullable Path temporaryIndex;

        SearchProperties(SearchSettings settings) {
            this.settings = settings;
        }

        @Override
        public void customize(Map<String, Object> properties) {
            boolean elasticsearch = "elasticsearch".equals(String.valueOf(properties.get(PREFIX + "backend.type")));
            properties.putIfAbsent(PREFIX + "backend.type", "lucene");
            if (elasticsearch) {
                properties.putIfAbsent(PREFIX + "backend.analysis.configurer", new ListingElasticsearchAnalysis());
            } else {
                properties.putIfAbsent(PREFIX + "backend.analysis.configurer", new ListingLuceneAnalysis());
                properties.putIfAbsent(PREFIX + "backend.directory.root", indexDirectory().toString());
                properties.putIfAbsent(PREFIX + "backend.lucene_version", "LATEST");
            }
            properties.putIfAbsent(PREFIX + "multi_tenancy.tenant_ids", INDEX_TENANT.toString());
            properties.putIfAbsent(PREFIX + "multi_tenancy.tenant_identifier_converter", new UuidTenantIdentifiers());
            properties.putIfAbsent(PREFIX + "coordination.strategy", "outbox-polling");
            properties.putIfAbsent(PREFIX + "coordination.outboxevent.entity.mapping", OUTBOX_EVENT_MAPPING);
            properties.putIfAbsent(PREFIX + "coordination.agent.entity.mapping", AGENT_MAPPING);
            properties.putIfAbsent(PREFIX + "coordination.event_processor.enabled",
                    String.valueOf(settings.eventProcessor()));
            properties.putIfAbsent(PREFIX + "coordination.event_processor.polling_interval",
                    String.valueOf(settings.pollingInterval().toMillis()));
        }

        private synchronized Path indexDirectory() {
            if (!settings.indexDir().isBlank()) {
                return Path.of(settings.indexDir()).toAbsolutePath().normalize();
            }
            if (temporaryIndex == null) {
                try {
                    temporaryIndex = Files.createTempDirectory("caravan-search-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return temporaryIndex;
        }

        /** Runs after the entity manager factory (which depends on this bean) has closed the index. */
        @Override
        public void destroy() {
            if (temporaryIndex == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(temporaryIndex)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                log.warn("Could not delete the temporary search index {}", temporaryIndex, e);
            }
        }
    }
}
