/**
 * Shared kernel: small value types of the trade's language used by every module (money,
 * country and currency codes, organisation and user identifiers). No Spring, no persistence.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package trade.caravan.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
