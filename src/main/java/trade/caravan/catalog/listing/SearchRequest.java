package trade.caravan.catalog.listing;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A search as a reader or an API client asked for it, unchecked: {@link ListingSearch} validates
 * every part and names each bad one by its request parameter. Within one filter the values are
 * alternatives (origin CN or VN); different filters must all hold.
 *
 * @param q              the words to look for; blank lists everything
 * @param hsSections     HS sections (Roman numerals, "XVI")
 * @param hsChapters     HS chapters (two digits, "85")
 * @param origins        countries of origin (ISO 3166 alpha-2)
 * @param certifications certification kinds ("CE", "ISO_9001")
 * @param priceBands     lowest unit price bands in minor units of the buyer's currency ("1000-5000", "50000-")
 * @param moqBands       minimum order quantity bands in units ("100-500", "10000-")
 * @param sort           {@link SearchSort#parameter()}; relevance with words, newest without
 * @param currency       the buyer's currency (ISO 4217), for price bands and converted prices
 * @param cursor         the {@code nextCursor} of the previous page
 * @param limit          results per page, 1 to 100 (20 if absent)
 */
public record SearchRequest(@Nullable String q, List<String> hsSections, List<String> hsChapters, List<String> origins,
        List<String> certifications, List<String> priceBands, List<String> moqBands, @Nullable String sort,
        @Nullable String currency, @Nullable String cursor, @Nullable Integer limit) {

    public SearchRequest {
        hsSections = copy(hsSections);
        hsChapters = copy(hsChapters);
        origins = copy(origins);
        certifications = copy(certifications);
        priceBands = copy(priceBands);
        moqBands = copy(moqBands);
    }

    /** Words only, every other part absent. */
    public static SearchRequest of(@Nullable String q) {
        return new SearchRequest(q, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null);
    }

    private static List<String> copy(@Nullable List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).toList();
    }
}
