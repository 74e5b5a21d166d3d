/**
 * Verification of documents someone holds: the PAdES signatures of a PDF checked with EU DSS
 * against the platform's CA, hostile input refused (every XML parsed here is hardened against
 * XXE and entity expansion), and the document's place in the transparency log proven against its
 * newest signed head. Also the public verify page and API, without sign-in.
 */
@NullMarked
package trade.caravan.documents.verification;

import org.jspecify.annotations.NullMarked;
