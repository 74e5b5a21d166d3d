package trade.caravan.audit;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the whole chain: how many entries were checked and, if the chain is broken,
 * the first sequence number at which it breaks and why (edited, deleted, reordered).
 */
public record ChainVerification(long entriesChecked, @Nullable Long firstBrokenSequence, @Nullable String problem) {

    public boolean intact() {
        return firstBrokenSequence == null;
    }
}
