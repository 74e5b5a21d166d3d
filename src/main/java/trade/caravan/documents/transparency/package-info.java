/**
 * The transparency log's implementation: the tree in memory, its leaves and signed heads in
 * PostgreSQL, the log's signing key, the check at start-up, and the public API.
 */
@NullMarked
package trade.caravan.documents.transparency;

import org.jspecify.annotations.NullMarked;
