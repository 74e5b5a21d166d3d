package trade.caravan.catalog.listing;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The listing analyzers on Elasticsearch or OpenSearch: the built-in {@code english} and
 * {@code standard} and {@code cjk} analyzers and {@code smartcn} from the {@code analysis-smartcn} plugin, which
 * must be installed on every node ({@code bin/elasticsearch-plugin install analysis-smartcn},
 * {@code bin/opensearch-plugin install analysis-smartcn}). They are the Lucene analyzers that
 * {@link ListingLuceneAnalysis} uses.
 */
class ListingElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(ListingFields.ENGLISH).type("english");
        context.analyzer(ListingFields.CHINESE).type("smartcn");
        context.analyzer(ListingFields.STANDARD).type("standard");
        context.analyzer(ListingFields.CHINESE_BIGRAMS).type("cjk");
    }
}
