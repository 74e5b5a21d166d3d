package trade.caravan.reference;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the HS 2022 nomenclature. {@code code} is a Roman numeral for a section and digits
 * otherwise; {@code parent} is the code one level up (a chapter's parent is its section).
 */
public record HsEntry(String code, HsLevel level, String description, @Nullable String parent, String section) {
}
