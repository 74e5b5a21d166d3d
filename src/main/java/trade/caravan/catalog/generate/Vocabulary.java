package trade.caravan.catalog.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.reference.HsCode;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * What generated listings are made of: for each HS chapter, the articles exporters sell (with their
 * HS 2022 subheading), the modifiers that combine with them in English and in Chinese, their
 * specifications, units, order quantities, prices, lead times, certifications and countries of
 * origin; and what all chapters share: countries with their ports and currencies, unit names and
 * the sentences descriptions are composed of. Read once from the YAML files under
 * {@code catalog/vocabulary/}; immutable afterwards.
 */
public final class Vocabulary {

    private static final String ROOT = "catalog/vocabulary/";
    private static final String PROBLEM = "Listing vocabulary, ";

    /** The same thing said in English and in Simplified Chinese. */
    public record Text(String en, String zh) {
    }

    /** Both ends included. */
    public record Range(long min, long max) {

        public Range {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("Not a range: [" + min + ", " + max + "]");
            }
        }
    }

    public record Port(String code, Text name) {
    }

    /** A country of origin: its ports of loading, the currencies its exporters quote in (weighted). */
    public record Country(CountryCode code, Text name, Map<CurrencyCode, Integer> currencies, int chineseFirstPercent,
            List<Port> ports) {
    }

    /** How a unit of measure is written: English singular and plural, Chinese. */
    public record UnitName(String en, String enPlural, String zh) {
    }

    /**
     * One value of a modifier ("stainless steel" / "不锈钢"): its specification value, the single
     * word a buyer would search it by in each language, and a certification it implies ("organic").
     */
    public record Term(Text text, String specValue, Text searchKey, @Nullable CertificationKind implies) {
    }

    /**
     * Modifiers of one kind (colours, capacities...). Placed before the noun unless {@code enAfter}
     * or {@code zhAfter} ("in 250 g bags"; "5件套"); {@code searchable} is false for sizes and packs,
     * which nobody types into a search box.
     */
    public record ModifierGroup(String name, String specName, boolean searchable, boolean enAfter, boolean zhAfter,
            List<Term> terms) {
    }

    /** A modifier group as an article uses it: always present, or only sometimes. */
    public record Modifier(ModifierGroup group, boolean required) {
    }

    public record Specification(String name, List<String> values) {
    }

    /**
     * Something exporters sell ("electric kettle" / "电热水壶"), classified under one HS 2022
     * subheading, with what leads its title whatever the modifiers ("men's"). Prices are US cents per
     * unit; {@code origins} empty means the chapter's.
     */
    public record Article(String chapter, String hsCode, @Nullable Text lead, Text name, Text searchKey, UnitOfMeasure unit,
            Range priceUsdCents, Range minimumOrder, int unitWeightGrams, List<CountryCode> origins,
            List<Modifier> modifiers, List<Specification> specifications) {

        public boolean madeIn(CountryCode country) {
            return origins.isEmpty() || origins.contains(country);
        }
    }

    /** Export carton: units per carton and outer dimensions in mm. */
    public record Carton(Range units, Range length, Range width, Range height) {
    }

    public record Chapter(String code, Text name, Range leadTimeDays, List<CertificationKind> certifications,
            List<String> otherCertifications, Map<CountryCode, Integer> origins, Carton carton, List<Text> features,
            List<Specification> specifications, List<ModifierGroup> modifierGroups, List<Article> articles) {
    }

    /** Sentences of descriptions, by their place in one. */
    public record Descriptions(List<Text> openings, List<Text> terms, List<Text> certified, List<Text> services) {
    }

    private final List<Chapter> chapters;
    private final Map<CountryCode, Country> countries;
    private final Map<UnitOfMeasure, UnitName> units;
    private final Map<CertificationKind, Text> certifications;
    private final Map<CurrencyCode, Integer> perThousandUsd;
    private final Descriptions descriptions;
    private final List<Text> hooks;

    private Vocabulary(List<Chapter> chapters, Map<CountryCode, Country> countries, Map<UnitOfMeasure, UnitName> units,
            Map<CertificationKind, Text> certifications, Map<CurrencyCode, Integer> perThousandUsd,
            Descriptions descriptions, List<Text> hooks) {
        this.chapters = List.copyOf(chapters);
        this.countries = Collections.unmodifiableMap(new LinkedHashMap<>(countries));
        this.units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        this.certifications = Collections.unmodifiableMap(new LinkedHashMap<>(certifications));
        this.perThousandUsd = Collections.unmodifiableMap(new LinkedHashMap<>(perThousandUsd));
        this.descriptions = descriptions;
        this.hooks = List.copyOf(hooks);
    }

    /** The bundled vocabulary. */
    public static Vocabulary bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final Vocabulary BUNDLED = load();
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    public Optional<Chapter> chapter(String code) {
        return chapters.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Map<CountryCode, Country> countries() {
        return countries;
    }

    public Country country(CountryCode code) {
        Country country = countries.get(code);
        if (country == null) {
            throw new IllegalArgumentException("The vocabulary has no ports for " + code.value());
        }
        return country;
    }

    public UnitName unitName(UnitOfMeasure unit) {
        UnitName name = units.get(unit);
        if (name == null) {
            throw new IllegalArgumentException("The vocabulary does not name the unit " + unit.code());
        }
        return name;
    }

    public Text certificationName(CertificationKind kind) {
        return certifications.getOrDefault(kind, new Text(kind.name(), kind.name()));
    }

    /** Currencies quoted in, with how many of their minor units make 1,000 US cents. */
    public Map<CurrencyCode, Integer> perThousandUsdCents() {
        return perThousandUsd;
    }

    public Descriptions descriptions() {
        return descriptions;
    }

    /** Words that lead B2B titles whatever the product ("Wholesale", "批发"). */
    public List<Text> hooks() {
        return hooks;
    }

    /** Every article of every chapter. */
    public List<Article> articles() {
        return chapters.stream().flatMap(c -> c.articles().stream()).toList();
    }

    private static Vocabulary load() {
        Map<String, Object> common = yaml("common.yml");
        try {
            return load(common);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).startsWith(PROBLEM)) {
                throw e;
            }
            throw new IllegalStateException(PROBLEM + "common.yml: " + e.getMessage(), e);
        }
    }

    private static Vocabulary load(Map<String, Object> common) {
        Map<CurrencyCode, Integer> rates = new LinkedHashMap<>();
        map(common, "currencies").forEach((code, rate) -> rates.put(new CurrencyCode(code), integer(rate, code)));
        Map<CountryCode, Country> countries = new LinkedHashMap<>();
        map(common, "countries").forEach((code, value) -> countries.put(new CountryCode(code),
                country(new CountryCode(code), asMap(value, code), rates)));
        Map<UnitOfMeasure, UnitName> units = new LinkedHashMap<>();
        map(common, "units").forEach((code, value) -> {
            Map<String, Object> unit = asMap(value, code);
            units.put(UnitOfMeasure.fromCode(code).orElseThrow(() -> invalid("unknown unit " + code)),
                    new UnitName(string(unit, "en"), string(unit, "ens"), string(unit, "zh")));
        });
        Map<CertificationKind, Text> certifications = new LinkedHashMap<>();
        map(common, "certifications").forEach((kind, value) -> certifications.put(CertificationKind.valueOf(kind),
                text(asMap(value, kind))));
        Map<String, Object> sentences = map(common, "descriptions");
        var descriptions = new Descriptions(texts(sentences, "opening"), texts(sentences, "terms"),
                texts(sentences, "certified"), texts(sentences, "service"));
        List<Chapter> chapters = new ArrayList<>();
        for (Object code : list(common, "chapters")) {
            String file = "chapter-" + code + ".yml";
            try {
                chapters.add(chapter(String.valueOf(code), yaml(file), countries.keySet(), units.keySet()));
            } catch (RuntimeException e) {
                throw new IllegalStateException(PROBLEM + file + ": " + e.getMessage(), e);
            }
        }
        return new Vocabulary(chapters, countries, units, certifications, rates, descriptions, texts(common, "hooks"));
    }

    private static Country country(CountryCode code, Map<String, Object> value, Map<CurrencyCode, Integer> rates) {
        Map<CurrencyCode, Integer> currencies = new LinkedHashMap<>();
        map(value, "currencies").forEach((currency, weight) -> {
            var key = new CurrencyCode(currency);
            if (!rates.containsKey(key)) {
                throw invalid(code.value() + " quotes in " + currency + ", which has no rate");
            }
            currencies.put(key, integer(weight, currency));
        });
        List<Port> ports = new ArrayList<>();
        for (Object port : list(value, "ports")) {
            Map<String, Object> entry = asMap(port, code.value());
            ports.add(new Port(string(entry, "code"), text(entry)));
        }
        if (ports.isEmpty()) {
            throw invalid(code.value() + " has no port");
        }
        return new Country(code, text(value), currencies,
                value.containsKey("zhDefault") ? integer(value.get("zhDefault"), "zhDefault") : 0, List.copyOf(ports));
    }

    private static Chapter chapter(String code, Map<String, Object> file, Set<CountryCode> countries,
            Set<UnitOfMeasure> namedUnits) {
        if (!code.equals(string(file, "chapter"))) {
            throw invalid("chapter is not " + code);
        }
        UnitOfMeasure unit = unit(string(file, "unit"), namedUnits);
        Range moq = range(file.get("moq"), "moq");
        int weight = integer(file.get("weight"), "weight");
        Map<CountryCode, Integer> origins = new LinkedHashMap<>();
        map(file, "origins").forEach((country, share) -> origins.put(known(new CountryCode(country), countries),
                integer(share, country)));
        Map<String, Object> carton = map(file, "carton");
        var box = new Carton(range(carton.get("units"), "carton.units"), range(carton.get("length"), "carton.length"),
                range(carton.get("width"), "carton.width"), range(carton.get("height"), "carton.height"));
        Map<String, ModifierGroup> groups = new LinkedHashMap<>();
        map(file, "modifiers").forEach((name, value) -> groups.put(name, group(name, asMap(value, name))));
        List<Article> articles = new ArrayList<>();
        for (Object entry : list(file, "products")) {
            Map<String, Object> article = asMap(entry, "product");
            String hs = HsCode.of(string(article, "hs")).value();
            if (hs.length() != 6 || !hs.startsWith(code)) {
                throw invalid(article.get("en") + ": " + hs + " is not a subheading of chapter " + code);
            }
            Text name = text(article);
            List<Modifier> modifiers = new ArrayList<>();
            for (Object reference : optionalList(article, "modifiers")) {
                String ref = String.valueOf(reference);
                boolean required = ref.startsWith("!");
                ModifierGroup group = groups.get(required ? ref.substring(1) : ref);
                if (group == null) {
                    throw invalid(name.en() + ": no modifier group " + ref);
                }
                modifiers.add(new Modifier(group, required));
            }
            List<CountryCode> only = optionalList(article, "origins").stream()
                    .map(c -> known(new CountryCode(String.valueOf(c)), countries)).toList();
            Text lead = article.containsKey("lead") ? text(asMap(article.get("lead"), "lead")) : null;
            articles.add(new Article(code, hs, lead, name, searchKey(article.get("key"), name, false),
                    article.containsKey("unit") ? unit(string(article, "unit"), namedUnits) : unit,
                    range(article.get("price"), "price"),
                    article.containsKey("moq") ? range(article.get("moq"), "moq") : moq,
                    article.containsKey("weight") ? integer(article.get("weight"), "weight") : weight,
                    only, List.copyOf(modifiers), specifications(article)));
        }
        List<CertificationKind> kinds = optionalList(file, "certifications").stream()
                .map(k -> CertificationKind.valueOf(String.valueOf(k))).toList();
        List<String> others = optionalList(file, "other").stream().map(String::valueOf).toList();
        return new Chapter(code, text(file), range(file.get("leadTime"), "leadTime"), kinds, others, origins, box,
                texts(file, "features"), specifications(file), List.copyOf(groups.values()), List.copyOf(articles));
    }

    private static ModifierGroup group(String name, Map<String, Object> value) {
        List<Term> terms = new ArrayList<>();
        for (Object entry : list(value, "values")) {
            Map<String, Object> term = asMap(entry, name);
            Text text = text(term);
            terms.add(new Term(text, term.containsKey("spec") ? string(term, "spec") : text.en(),
                    searchKey(term.get("key"), text, true),
                    term.containsKey("cert") ? CertificationKind.valueOf(string(term, "cert")) : null));
        }
        if (terms.isEmpty()) {
            throw invalid("modifier group " + name + " has no values");
        }
        return new ModifierGroup(name, string(value, "spec"), !Boolean.FALSE.equals(value.get("query")),
                "after".equals(value.get("en")), "after".equals(value.get("zh")), List.copyOf(terms));
    }

    /**
     * The word searched for: as given, else the English text's last word ("stainless steel" →
     * "steel") and the whole Chinese text, which has no spaces to split at.
     */
    private static Text searchKey(@Nullable Object given, Text text, boolean modifier) {
        Map<String, Object> key = given == null ? Map.of() : asMap(given, "key");
        String en = key.containsKey("en") ? string(key, "en") : lastWord(text.en());
        String zh = key.containsKey("zh") ? string(key, "zh") : text.zh();
        if (en.contains(" ") || zh.contains(" ")) {
            throw invalid((modifier ? "modifier " : "") + text.en() + ": a search key is one word");
        }
        return new Text(en, zh);
    }

    private static String lastWord(String text) {
        int space = text.lastIndexOf(' ');
        return space < 0 ? text : text.substring(space + 1);
    }

    private static List<Specification> specifications(Map<String, Object> owner) {
        List<Specification> specifications = new ArrayList<>();
        for (Object entry : optionalList(owner, "specs")) {
            Map<String, Object> spec = asMap(entry, "spec");
            List<String> values = list(spec, "values").stream().map(String::valueOf).toList();
            if (values.isEmpty()) {
                throw invalid("specification " + spec.get("name") + " has no values");
            }
            specifications.add(new Specification(string(spec, "name"), values));
        }
        return List.copyOf(specifications);
    }

    private static UnitOfMeasure unit(String code, Set<UnitOfMeasure> named) {
        UnitOfMeasure unit = UnitOfMeasure.fromCode(code).orElseThrow(() -> invalid("unknown unit " + code));
        if (!named.contains(unit)) {
            throw invalid("unit " + code + " has no name in common.yml");
        }
        return unit;
    }

    private static CountryCode known(CountryCode code, Set<CountryCode> countries) {
        if (!countries.contains(code)) {
            throw invalid("country " + code.value() + " is not in common.yml");
        }
        return code;
    }

    private static List<Text> texts(Map<String, Object> owner, String key) {
        return optionalList(owner, key).stream().map(entry -> text(asMap(entry, key))).toList();
    }

    private static Text text(Map<String, Object> owner) {
        return new Text(string(owner, "en"), string(owner, "zh"));
    }

    private static Range range(@Nullable Object value, String what) {
        if (!(value instanceof List<?> bounds) || bounds.size() != 2) {
            throw invalid(what + " is not [min, max]");
        }
        return new Range(integer(bounds.get(0), what), integer(bounds.get(1), what));
    }

    private static int integer(@Nullable Object value, String what) {
        if (value instanceof Integer number) {
            return number;
        }
        throw invalid(what + " is not a whole number: " + value);
    }

    private static String string(Map<String, Object> owner, String key) {
        Object value = owner.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw invalid("missing " + key + " in " + owner);
        }
        // YAML reads 6204 as a number and "yes" as a boolean; every vocabulary value is text
        return String.valueOf(value).strip();
    }

    private static Map<String, Object> map(Map<String, Object> owner, String key) {
        return asMap(owner.get(key), key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(@Nullable Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        }
        throw invalid(what + " is not a mapping");
    }

    private static List<?> list(Map<String, Object> owner, String key) {
        if (owner.get(key) instanceof List<?> list) {
            return list;
        }
        throw invalid(key + " is not a list");
    }

    private static List<?> optionalList(Map<String, Object> owner, String key) {
        return owner.containsKey(key) ? list(owner, key) : List.of();
    }

    private static Map<String, Object> yaml(String file) {
        // SafeConstructor: plain maps, lists and scalars only, never arbitrary Java types
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw invalid("missing resource " + ROOT + file);
            }
            return asMap(yaml.load(in), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException invalid(String message) {
        return new IllegalStateException(message);
    }
}
