/**
 * Audit: the append-only, hash-chained trail of security events (sign-ins, lockouts, role
 * changes, tokens, invitations, credential changes). Each entry carries the hash of the one
 * before it, so an edited or deleted entry breaks the chain and {@link trade.caravan.audit.AuditTrail#verify()}
 * finds it.
 */
@ApplicationModule(displayName = "Audit trail", allowedDependencies = {"shared", "platform"})
@NullMarked
package trade.caravan.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
