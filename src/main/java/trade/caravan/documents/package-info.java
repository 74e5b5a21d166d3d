/**
 * Documents: what Caravan issues and how anyone can check it. Today the transparency log: an
 * append-only Merkle tree of issued documents and their status changes in the style of
 * Certificate Transparency (RFC 9162), with signed tree heads, inclusion and consistency proofs
 * ({@link trade.caravan.documents.TransparencyLog}), and the pure verification of those proofs
 * ({@link trade.caravan.documents.Merkle}, {@link trade.caravan.documents.SignedTreeHead}) that
 * an offline verifier runs without the server.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {"shared", "platform"})
@NullMarked
package trade.caravan.documents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
