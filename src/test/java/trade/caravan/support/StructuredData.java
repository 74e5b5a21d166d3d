package trade.caravan.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jspecify.annotations.Nullable;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;

/**
 * schema.org structured data (JSON-LD) read as a consumer reads it: a JSON-LD 1.1 processor
 * (titanium-json-ld) expands the document, and the expanded graph is checked against the part of
 * schema.org that Caravan's pages use. Fails, with every problem listed, when:
 * <ul>
 * <li>the document is not JSON-LD (expansion fails), or names a context other than schema.org's;</li>
 * <li>a key of the document does not come out of expansion as a schema.org property: a misspelt or
 * invented property, or a {@code null} value, which expansion drops without a word;</li>
 * <li>a type is not a schema.org type (an unknown {@code @type} expands to an address relative to the
 * page, not to an error);</li>
 * <li>a property is used on a type that schema.org does not define it for (schema.org's validator
 * reports those; search engines ignore them).</li>
 * </ul>
 *
 * <p>Nothing is fetched: the processor's document loader serves {@code /json-ld/schema.org-context.jsonld}
 * for schema.org's context address and refuses every other one. That file is an excerpt of
 * schema.org's own context ({@code https://schema.org/docs/jsonldcontext.jsonld}) with the same
 * definitions for the terms the pages use, and deliberately without the {@code @vocab} catch-all of
 * the full context, under which any word at all would expand to a schema.org-looking address. Like
 * schema.org's context, it maps the vocabulary to {@code http://schema.org/}: schema.org serves its
 * context over https but keeps the http namespace, and treats the two as one vocabulary. A property
 * the pages start to use must be added to it (and to {@link #DOMAINS}) after checking schema.org.
 */
public final class StructuredData {

    /** schema.org's namespace, as its context maps it. */
    public static final String SCHEMA = "http://schema.org/";

    private static final String CONTEXT_RESOURCE = "/json-ld/schema.org-context.jsonld";
    private static final Set<String> CONTEXT_ADDRESSES = Set.of("https://schema.org", "https://schema.org/",
            "http://schema.org", "http://schema.org/");

    /** The schema.org types the pages use, each with its parent type, up to Thing. */
    private static final Map<String, String> PARENT_TYPES = Map.ofEntries(
            Map.entry("Product", "Thing"),
            Map.entry("Organization", "Thing"),
            Map.entry("Offer", "Intangible"),
            Map.entry("AggregateOffer", "Offer"),
            Map.entry("PostalAddress", "ContactPoint"),
            Map.entry("ContactPoint", "StructuredValue"),
            Map.entry("QuantitativeValue", "StructuredValue"),
            Map.entry("PropertyValue", "StructuredValue"),
            Map.entry("StructuredValue", "Intangible"),
            Map.entry("Intangible", "Thing"),
            Map.entry("Country", "AdministrativeArea"),
            Map.entry("AdministrativeArea", "Place"),
            Map.entry("Place", "Thing"));

    /**
     * The properties in the bundled context and the types schema.org defines each on ("Used on these
     * types", limited to {@link #PARENT_TYPES}).
     */
    private static final Map<String, Set<String>> DOMAINS = Map.ofEntries(
            Map.entry("name", Set.of("Thing")),
            Map.entry("description", Set.of("Thing")),
            Map.entry("url", Set.of("Thing")),
            Map.entry("image", Set.of("Thing")),
            Map.entry("sameAs", Set.of("Thing")),
            Map.entry("inLanguage", Set.of()), // CreativeWork, Event and some actions: none of these types
            Map.entry("sku", Set.of("Product", "Offer")),
            Map.entry("productID", Set.of("Product")),
            Map.entry("countryOfOrigin", Set.of("Product")),
            Map.entry("brand", Set.of("Product", "Organization")),
            Map.entry("manufacturer", Set.of("Product")),
            Map.entry("additionalProperty", Set.of("Product", "Place", "QuantitativeValue")),
            Map.entry("offers", Set.of("Product", "AggregateOffer")),
            Map.entry("price", Set.of("Offer")),
            Map.entry("priceCurrency", Set.of("Offer")),
            Map.entry("availability", Set.of("Offer")),
            Map.entry("eligibleQuantity", Set.of("Offer")),
            Map.entry("deliveryLeadTime", Set.of("Offer")),
            Map.entry("seller", Set.of("Offer")),
            Map.entry("lowPrice", Set.of("AggregateOffer")),
            Map.entry("highPrice", Set.of("AggregateOffer")),
            Map.entry("offerCount", Set.of("AggregateOffer")),
            Map.entry("minValue", Set.of("QuantitativeValue", "PropertyValue")),
            Map.entry("unitCode", Set.of("QuantitativeValue", "PropertyValue")),
            Map.entry("value", Set.of("QuantitativeValue", "PropertyValue")),
            Map.entry("address", Set.of("Organization", "Place")),
            Map.entry("addressCountry", Set.of("PostalAddress")));

    private static final JsonObject CONTEXT = readContext();

    private StructuredData() {
    }

    /**
     * The top-level nodes of a JSON-LD document, expanded and checked (see the class comment).
     *
     * @param json    the text of one {@code <script type="application/ld+json">} block
     * @param pageUrl the address of the page it is on: the base for relative addresses
     * @throws AssertionError listing every problem found
     */
    public static List<Node> validate(String json, String pageUrl) {
        JsonValue compact = Json.createReader(new StringReader(json)).readValue();
        var options = new JsonLdOptions(StructuredData::load);
        options.setBase(URI.create(pageUrl));
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        JsonArray expanded;
        try {
            expanded = JsonLd.expand(JsonDocument.of((jakarta.json.JsonStructure) compact)).options(options).get();
        } catch (JsonLdError error) {
            throw new AssertionError("Not valid schema.org JSON-LD: " + error.getCode() + ": " + error.getMessage()
                    + "\n" + json, error);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> terms = terms();
        List<JsonValue> tops = compact instanceof JsonArray array ? array : List.of(compact);
        if (tops.size() != expanded.size()) {
            problems.add("$: " + tops.size() + " top-level nodes, " + expanded.size() + " after expansion");
        } else {
            for (int i = 0; i < tops.size(); i++) {
                compare(tops.get(i).asJsonObject(), expanded.getJsonObject(i),
                        compact instanceof JsonArray ? "$[" + i + "]" : "$", terms, problems);
            }
        }
        expanded.forEach(node -> checkVocabulary(node, "$", problems));
        if (!problems.isEmpty()) {
            throw new AssertionError("schema.org JSON-LD problems:\n  " + String.join("\n  ", problems) + "\n" + json);
        }
        return expanded.stream().map(value -> new Node(value.asJsonObject())).toList();
    }

    /** The bundled context for schema.org's address; nothing else can be loaded. */
    private static JsonDocument load(URI address, com.apicatalog.jsonld.loader.DocumentLoaderOptions options)
            throws JsonLdError {
        if (!CONTEXT_ADDRESSES.contains(address.toString())) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "Only schema.org's context is available offline, not " + address);
        }
        JsonDocument document = JsonDocument.of(Json.createObjectBuilder().add("@context", CONTEXT).build());
        document.setDocumentUrl(address);
        return document;
    }

    /** Every key of a compact node has its schema.org property after expansion, with as many values. */
    private static void compare(JsonObject compact, JsonObject expanded, String path, Map<String, String> terms,
            List<String> problems) {
        compact.forEach((key, value) -> {
            if (key.startsWith("@")) {
                return;
            }
            String where = path + "." + key;
            String property = terms.get(key);
            if (property == null) {
                problems.add(where + ": not a schema.org term (dropped by expansion)");
                return;
            }
            JsonArray values = expanded.getJsonArray(property);
            List<JsonValue> compactValues = value instanceof JsonArray array ? array : List.of(value);
            if (values == null) {
                problems.add(where + ": dropped by expansion (a null value?)");
            } else if (values.size() != compactValues.size()) {
                problems.add(where + ": " + compactValues.size() + " values, " + values.size() + " after expansion");
            } else {
                for (int i = 0; i < values.size(); i++) {
                    if (compactValues.get(i) instanceof JsonObject object) {
                        compare(object, values.getJsonObject(i), where + "[" + i + "]", terms, problems);
                    }
                }
            }
        });
    }

    /** Types are schema.org's, and each property is one schema.org defines on the node's type. */
    private static void checkVocabulary(JsonValue value, String path, List<String> problems) {
        if (!(value instanceof JsonObject node) || node.containsKey("@value")) {
            return;
        }
        Set<String> types = new HashSet<>();
        JsonArray typeIris = node.getJsonArray("@type");
        if (typeIris != null) {
            for (JsonString iri : typeIris.getValuesAs(JsonString.class)) {
                String type = localName(iri.getString());
                if (type == null || !PARENT_TYPES.containsKey(type)) {
                    problems.add(path + ": @type " + iri.getString() + " is not a schema.org type the pages use");
                } else {
                    for (String t = type; t != null; t = PARENT_TYPES.get(t)) {
                        types.add(t);
                    }
                }
            }
        }
        node.forEach((key, values) -> {
            if (key.startsWith("@")) {
                return;
            }
            String property = localName(key);
            String where = path + "." + (property == null ? key : property);
            if (property == null || !DOMAINS.containsKey(property)) {
                problems.add(where + ": " + key + " is not a schema.org property the pages use");
            } else if (typeIris == null) {
                problems.add(where + ": on a node without a type");
            } else if (DOMAINS.get(property).stream().noneMatch(types::contains)) {
                problems.add(where + ": schema.org does not define " + property + " on "
                        + typeIris.getValuesAs(JsonString.class).stream().map(s -> localName(s.getString())).toList());
            }
            values.asJsonArray().forEach(v -> checkVocabulary(v, where, problems));
        });
    }

    private static @Nullable String localName(String iri) {
        return iri.startsWith(SCHEMA) ? iri.substring(SCHEMA.length()) : null;
    }

    /** Term to property address, from the bundled context. */
    private static Map<String, String> terms() {
        Map<String, String> terms = new LinkedHashMap<>();
        String prefix = CONTEXT.getString("schema");
        CONTEXT.forEach((term, definition) -> {
            if (definition instanceof JsonObject object) {
                terms.put(term, object.getString("@id").replaceFirst("^schema:", prefix));
            }
        });
        return terms;
    }

    private static JsonObject readContext() {
        try (InputStream in = StructuredData.class.getResourceAsStream(CONTEXT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONTEXT_RESOURCE + " is missing");
            }
            return Json.createReader(in).readObject().getJsonObject("@context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An expanded node: its types, identifier and properties by their schema.org names. */
    public record Node(JsonObject expanded) {

        public List<String> types() {
            JsonArray types = expanded.getJsonArray("@type");
            return types == null ? List.of() : types.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
        }

        public @Nullable String id() {
            return expanded.containsKey("@id") ? expanded.getString("@id") : null;
        }

        /** The values of a schema.org property, as expanded (value objects or node objects). */
        public List<JsonObject> values(String property) {
            JsonArray values = expanded.getJsonArray(SCHEMA + property);
            return values == null ? List.of() : values.getValuesAs(JsonObject.class);
        }

        /** The nodes a property points to. */
        public List<Node> nodes(String property) {
            return values(property).stream().map(Node::new).toList();
        }

        /** The one node a property points to. */
        public Node node(String property) {
            return new Node(single(property));
        }

        /** The one value of a property as text: a literal, or the address of an {@code @id} value. */
        public String text(String property) {
            JsonObject value = single(property);
            JsonValue literal = value.containsKey("@value") ? value.get("@value") : value.get("@id");
            return literal instanceof JsonString string ? string.getString() : String.valueOf(literal);
        }

        /** The one value of a property as a number (a JSON number or a numeric string). */
        public BigDecimal number(String property) {
            JsonValue literal = single(property).get("@value");
            return literal instanceof JsonNumber number ? number.bigDecimalValue()
                    : new BigDecimal(((JsonString) literal).getString());
        }

        private JsonObject single(String property) {
            List<JsonObject> values = values(property);
            if (values.size() != 1) {
                throw new AssertionError(property + ": " + values.size() + " values in " + expanded);
            }
            return values.getFirst();
        }
    }
}
