/** Requests for quotation, negotiations and their offers: the rules, storage, pages and API. */
@NullMarked
package trade.caravan.sourcing.negotiation;

import org.jspecify.annotations.NullMarked;
