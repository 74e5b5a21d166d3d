package trade.caravan.catalog;

import java.util.List;
import java.util.Set;

import trade.caravan.reference.HsCode;
import trade.caravan.shared.OrganizationId;

/** Suppliers to invite to a request for quotation, found by what they list. */
public interface SupplierMatching {

    /**
     * Suppliers with at least one published listing in the HS chapter of {@code hsCode} (a
     * heading or subheading stands for its chapter), most listings in that chapter first, then by
     * identifier, so the same catalog always gives the same answer.
     *
     * @param excluding suppliers to leave out (the buyer itself, those already invited)
     * @param limit     at most this many, at least 1
     */
    List<OrganizationId> suppliersListingIn(HsCode hsCode, Set<OrganizationId> excluding, int limit);
}
