package trade.caravan.catalog.storefront;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import trade.caravan.accounts.OrganizationFacts;
import trade.caravan.catalog.listing.ListingView;

/**
 * schema.org structured data (JSON-LD) for public pages, built as a JSON tree and written by
 * Jackson, never by concatenating strings. The text goes into an HTML {@code <script>} data
 * block, which ends at the first {@code </script}: so {@code <}, {@code >} and {@code &} (and the
 * line separators JavaScript once choked on) are written as {@code \\u003c}-style escapes, which a JSON
 * parser reads back as the same characters. Nothing a supplier types can end the block.
 */
final class JsonLd {

    private static final String SCHEMA = "https://schema.org";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer().with(new HtmlSafeEscapes());

    private JsonLd() {
    }

    /** A price tier as schema.org reads it: from {@code minQuantity} units, {@code price} each. */
    record Tier(long minQuantity, BigDecimal price) {
    }

    /**
     * A {@code Product} with its supplier as brand and seller, and its price tiers as offers. The
     * language of the text is not stated here: schema.org has no {@code inLanguage} for a Product
     * (the page's {@code lang} and hreflang links say it).
     */
    static String product(ListingView listing, ListingView.Text text, String pageUrl, String storefrontUrl,
            List<String> imageUrls, List<Tier> tiers) {
        ObjectNode product = NODES.objectNode();
        product.put("@context", SCHEMA);
        product.put("@type", "Product");
        product.put("@id", pageUrl + "#product");
        product.put("name", text.title());
        if (text.description() != null) {
            product.put("description", text.description());
        }
        product.put("sku", listing.id().toString());
        product.put("productID", listing.id().toString());
        product.put("url", pageUrl);
        if (!imageUrls.isEmpty()) {
            ArrayNode images = product.putArray("image");
            imageUrls.forEach(images::add);
        }
        ObjectNode origin = product.putObject("countryOfOrigin");
        origin.put("@type", "Country");
        origin.put("name", listing.origin().value());
        ObjectNode supplier = organization(listing.supplierName(), listing.supplierCountry().value(), storefrontUrl);
        product.set("brand", supplier);
        product.set("manufacturer", supplier);
        ArrayNode properties = product.putArray("additionalProperty");
        properties.add(property("HS code (HS 2022)", ProductPages.hsDisplay(listing.hsCode())));
        listing.specifications().forEach(spec -> properties.add(property(spec.name(), spec.value())));

        String currency = listing.currency().value();
        ArrayNode offers = NODES.arrayNode();
        for (Tier tier : tiers) {
            ObjectNode offer = offers.addObject();
            offer.put("@type", "Offer");
            offer.put("price", tier.price());
            offer.put("priceCurrency", currency);
            ObjectNode quantity = offer.putObject("eligibleQuantity");
            quantity.put("@type", "QuantitativeValue");
            quantity.put("minValue", tier.minQuantity());
            quantity.put("unitCode", listing.unit().code());
            offer.put("availability", SCHEMA + "/InStock");
            offer.put("url", pageUrl);
            ObjectNode leadTime = offer.putObject("deliveryLeadTime");
            leadTime.put("@type", "QuantitativeValue");
            leadTime.put("minValue", listing.leadTimeDays());
            leadTime.put("unitCode", "DAY");
            offer.set("seller", supplierReference(storefrontUrl));
        }
        if (tiers.size() == 1) {
            product.set("offers", offers.get(0));
        } else {
            ObjectNode aggregate = product.putObject("offers");
            aggregate.put("@type", "AggregateOffer");
            // prices fall as quantities rise: the last tier is the lowest
            aggregate.put("lowPrice", tiers.getLast().price());
            aggregate.put("highPrice", tiers.getFirst().price());
            aggregate.put("priceCurrency", currency);
            aggregate.put("offerCount", tiers.size());
            aggregate.set("offers", offers);
        }
        return WRITER.writeValueAsString(product);
    }

    /** An {@code Organization}: the supplier as its storefront shows it. */
    static String organization(OrganizationFacts facts, String storefrontUrl) {
        ObjectNode organization = organization(facts.summary().legalName(), facts.summary().country().value(),
                storefrontUrl);
        organization.put("@context", SCHEMA);
        @Nullable String website = facts.summary().website();
        if (website != null) {
            organization.putArray("sameAs").add(website);
        }
        return WRITER.writeValueAsString(organization);
    }

    private static ObjectNode organization(String name, String country, String storefrontUrl) {
        ObjectNode organization = NODES.objectNode();
        organization.put("@type", "Organization");
        organization.put("@id", storefrontUrl + "#organization");
        organization.put("name", name);
        organization.put("url", storefrontUrl);
        ObjectNode address = organization.putObject("address");
        address.put("@type", "PostalAddress");
        address.put("addressCountry", country);
        return organization;
    }

    private static ObjectNode supplierReference(String storefrontUrl) {
        ObjectNode reference = NODES.objectNode();
        reference.put("@id", storefrontUrl + "#organization");
        return reference;
    }

    private static ObjectNode property(String name, String value) {
        ObjectNode property = NODES.objectNode();
        property.put("@type", "PropertyValue");
        property.put("name", name);
        property.put("value", value);
        return property;
    }

    /** JSON escapes that keep the text inert inside an HTML element. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        HtmlSafeEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int character) {
            return switch (character) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
