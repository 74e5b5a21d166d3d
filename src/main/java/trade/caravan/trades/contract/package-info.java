/**
 * The sales contract of a trade: generated from the agreed terms, in English and Chinese, as a
 * PDF/A-3 document with the machine-readable terms attached inside it.
 */
@NullMarked
package trade.caravan.trades.contract;

import org.jspecify.annotations.NullMarked;
