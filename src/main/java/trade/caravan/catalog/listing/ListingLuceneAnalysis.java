package trade.caravan.catalog.listing;

import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The listing analyzers on the embedded Lucene backend. {@link ListingElasticsearchAnalysis}
 * defines the same names with the same components on Elasticsearch/OpenSearch, so switching
 * backends is configuration only.
 */
class ListingLuceneAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(ListingFields.ENGLISH).instance(new EnglishAnalyzer());
        context.analyzer(ListingFields.CHINESE).instance(new SmartChineseAnalyzer());
        context.analyzer(ListingFields.STANDARD).instance(new StandardAnalyzer());
        context.analyzer(ListingFields.CHINESE_BIGRAMS).instance(new CJKAnalyzer());
    }
}
