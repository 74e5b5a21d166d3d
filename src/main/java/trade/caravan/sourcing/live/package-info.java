/** Live updates of negotiations over server-sent events, and who is online. */
@NullMarked
package trade.caravan.sourcing.live;

import org.jspecify.annotations.NullMarked;
