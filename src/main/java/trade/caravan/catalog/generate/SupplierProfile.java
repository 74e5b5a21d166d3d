package trade.caravan.catalog.generate;

import java.util.List;

import trade.caravan.shared.CountryCode;

/**
 * What the generator needs to know of a supplier: where it makes its goods (the origin of all its
 * listings) and the HS chapters it sells in (none: any chapter its country typically exports in).
 */
public record SupplierProfile(CountryCode country, List<String> chapters) {

    public SupplierProfile {
        chapters = List.copyOf(chapters);
    }
}
