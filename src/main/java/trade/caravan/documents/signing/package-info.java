/**
 * PAdES signatures (EU DSS): a PDF signed by an organization's credential from the platform CA,
 * time-stamped by the platform's timestamp authority, with the validation material embedded
 * (baseline B-LT) so that it verifies years later without the server.
 */
@NullMarked
package trade.caravan.documents.signing;

import org.jspecify.annotations.NullMarked;
