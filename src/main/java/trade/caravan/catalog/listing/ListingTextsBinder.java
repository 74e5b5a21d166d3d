package trade.caravan.catalog.listing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

import trade.caravan.catalog.listing.ListingFields.Language;

/**
 * Indexes a listing's titles and descriptions by language: {@code title_en}/{@code description_en}
 * with the English analyzer (stemming), {@code title_zh}/{@code description_zh} with SmartCN word
 * segmentation for every Chinese locale, {@code title_other}/{@code description_other} with the
 * standard analyzer for any other language. All are stored for projections and highlighting; the
 * title in the listing's default language is also stored alone ({@code title_default}) as the
 * fallback a reader sees when the listing has no text in the reader's language.
 *
 * <p>Public only because Hibernate Search instantiates binders by reflection through a public
 * no-argument constructor.
 */
public class ListingTextsBinder implements TypeBinder {

    static final String TITLE_DEFAULT = "title_default";

    public ListingTextsBinder() {
        // instantiated by Hibernate Search
    }

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().use("texts").use("defaultLocale");
        var schema = context.indexSchemaElement();
        var types = context.typeFactory();
        Map<Language, IndexFieldReference<String>> titles = new EnumMap<>(Language.class);
        Map<Language, IndexFieldReference<String>> descriptions = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            var text = types.asString().analyzer(language.analyzer()).projectable(Projectable.YES)
                    .highlightable(List.of(Highlightable.PLAIN, Highlightable.UNIFIED)).toIndexFieldType();
            titles.put(language, schema.field(language.title(), text).multiValued().toReference());
            descriptions.put(language, schema.field(language.description(), text).multiValued().toReference());
        }
        IndexFieldReference<String> chineseTitleBigrams = schema.field(ListingFields.TITLE_ZH_BIGRAMS,
                types.asString().analyzer(ListingFields.CHINESE_BIGRAMS)).multiValued().toReference();
        IndexFieldReference<String> defaultTitle = schema.field(TITLE_DEFAULT,
                types.asString().projectable(Projectable.YES).searchable(Searchable.NO)).toReference();
        context.bridge(Listing.class, new Bridge(titles, descriptions, chineseTitleBigrams, defaultTitle));
    }

    private record Bridge(Map<Language, IndexFieldReference<String>> titles,
            Map<Language, IndexFieldReference<String>> descriptions,
            IndexFieldReference<String> chineseTitleBigrams, IndexFieldReference<String> defaultTitle)
            implements TypeBridge<Listing> {

        @Override
        public void write(DocumentElement target, Listing listing, TypeBridgeWriteContext context) {
            for (Listing.Text text : listing.texts) {
                Language language = Language.of(text.locale());
                target.addValue(titles.get(language), text.title());
                if (language == Language.ZH) {
                    target.addValue(chineseTitleBigrams, text.title());
                }
                if (text.description() != null) {
                    target.addValue(descriptions.get(language), text.description());
                }
            }
            listing.texts.stream().filter(text -> text.locale().equals(listing.defaultLocale)).findFirst()
                    .or(() -> listing.texts.stream().findFirst())
                    .ifPresent(text -> target.addValue(defaultTitle, text.title()));
        }
    }
}
