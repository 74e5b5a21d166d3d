/**
 * Sourcing: buyers' requests for quotation, suppliers' quotations, and the negotiation between
 * one buyer and one supplier over an RFQ: messages, attachments and immutable, numbered term
 * sheets, ending in acceptance ({@link trade.caravan.sourcing.OfferAccepted}), a decline, a
 * withdrawal or expiry. A negotiation belongs to exactly two organizations and nobody else sees it.
 */
@ApplicationModule(displayName = "Sourcing",
        allowedDependencies = {"shared", "platform", "accounts", "reference", "catalog", "notifications"})
@NullMarked
package trade.caravan.sourcing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
