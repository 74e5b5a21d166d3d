package trade.caravan.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CountryCode;

/**
 * A UN/LOCODE location. {@code name} is the UN/LOCODE name without diacritics; bilingual places
 * carry their other names in {@code alternativeNames}. {@code subdivision} is the ISO 3166-2
 * subdivision code (without the country) and {@code subdivisionName} its name, when known.
 * Coordinates are UNECE's own, in decimal degrees, and absent where UNECE gives none.
 */
public record Location(
        UnLocode unlocode,
        CountryCode country,
        String name,
        List<String> alternativeNames,
        @Nullable String subdivision,
        @Nullable String subdivisionName,
        Set<TransportFunction> functions,
        @Nullable String status,
        @Nullable String iata,
        @Nullable BigDecimal latitude,
        @Nullable BigDecimal longitude) {

    public Location {
        alternativeNames = List.copyOf(alternativeNames);
        functions = Set.copyOf(functions);
    }

    public boolean has(TransportFunction function) {
        return functions.contains(function);
    }
}
