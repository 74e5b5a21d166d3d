package trade.caravan.sourcing.negotiation;

/**
 * One difference between an offer and the one before it, e.g. {@code unitPrice} of line 1:
 * "12.40 USD" → "11.90 USD". {@code field} is a message key suffix ({@code negotiation.field.<field>});
 * {@code line} is the 1-based line number, 0 for the sheet's own terms; the values are already
 * formatted for display and never contain markup (pages escape them anyway).
 */
public record TermChange(String field, int line, String before, String after) {
}
