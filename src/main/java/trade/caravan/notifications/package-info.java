/**
 * Notifications: outgoing e-mail through a transactional outbox (stored with the change that
 * caused it, delivered after commit over SMTP with retries) and the operator's outbox page.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"shared", "platform"})
@NullMarked
package trade.caravan.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
