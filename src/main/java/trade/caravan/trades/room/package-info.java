/**
 * The trade room: a trade opened from an accepted offer, its agreed terms and lines, its timeline,
 * and the pages and API that show it to the members of its two organizations only.
 */
@NullMarked
package trade.caravan.trades.room;

import org.jspecify.annotations.NullMarked;
