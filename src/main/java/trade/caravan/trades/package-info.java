/**
 * Trades: what an accepted offer becomes. A trade belongs to its two organizations, the buyer and
 * the supplier, and to nobody else; it carries the agreed terms and lines and moves through its
 * states (contract pending, contract signed; funding, shipment, delivery and release come later).
 * The trade room shows one timeline of everything that happened to it. {@code trades} is the
 * process manager of the trade: it listens to {@code sourcing.OfferAccepted} and will drive
 * documents, payments and logistics by their identifiers.
 */
@ApplicationModule(displayName = "Trades",
        allowedDependencies = {"shared", "platform", "accounts", "reference", "catalog", "sourcing", "documents",
                "notifications"})
@NullMarked
package trade.caravan.trades;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
