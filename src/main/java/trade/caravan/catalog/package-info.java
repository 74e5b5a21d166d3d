/**
 * Catalog: products of supplier organizations (multilingual, HS-classified, tiered prices,
 * certifications, packaging), their public listings, search, storefronts, and buyers' shortlists.
 * A product is the supplier's, editable and tenant-owned; its listing is the published, public
 * copy that search and public pages read.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = {"shared", "platform", "accounts", "reference"})
@NullMarked
package trade.caravan.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
