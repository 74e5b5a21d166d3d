/**
 * The platform's certificate authority: its EC P-256 key and self-signed certificate, the signing
 * certificates it issues to organizations, their revocation, and the CRL and CA certificate it
 * publishes. Used by the document signing that follows; see {@code docs/trust-model.md}.
 */
@NullMarked
package trade.caravan.documents.pki;

import org.jspecify.annotations.NullMarked;
