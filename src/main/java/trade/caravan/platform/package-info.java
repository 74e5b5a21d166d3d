/**
 * Platform: the technical kernel every module stands on. Embedded PostgreSQL bootstrap, tenant
 * scoping of persistence, web conventions (problem details, idempotency keys, cursor pagination,
 * request ids), localisation and the page layout. Knows no business module.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
@NullMarked
package trade.caravan.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
