/**
 * Generated catalogs: a reproducible generator of plausible listings in English and Chinese (from
 * the vocabulary under {@code catalog/vocabulary/}), the demo catalog seeded with the demo
 * organizations, a bulk writer that fills PostgreSQL with millions of listings for benchmarks,
 * and the benchmark's query mix.
 */
@NullMarked
package trade.caravan.catalog.generate;

import org.jspecify.annotations.NullMarked;
