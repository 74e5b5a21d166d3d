package trade.caravan.reference;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CountryCode;

/**
 * A location search: the text typed (a name, a UN/LOCODE or its start; may be blank), and the
 * optional function ("ports only") and country to narrow it to.
 */
public record LocationQuery(String text, @Nullable TransportFunction function, @Nullable CountryCode country) {

    public static LocationQuery of(String text) {
        return new LocationQuery(text, null, null);
    }
}
