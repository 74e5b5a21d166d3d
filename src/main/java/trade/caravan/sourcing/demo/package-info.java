/** Demo negotiations between the demo organizations, seeded once on a fresh embedded installation. */
@NullMarked
package trade.caravan.sourcing.demo;

import org.jspecify.annotations.NullMarked;
