package trade.caravan.audit;

import org.jspecify.annotations.Nullable;

/**
 * Checks the chain one entry at a time, in sequence order, and remembers the first break:
 * <ul>
 * <li>a sequence number is skipped: that entry was deleted;</li>
 * <li>an entry's own hash does not match its fields and previous hash: it was edited, renumbered
 *     (moved, reordered) or re-linked;</li>
 * <li>an entry's hash matches but its previous hash is not the hash of the entry before it: the
 *     entry before it was rewritten and re-hashed (or, for the first entry, the chain does not
 *     start at the genesis hash).</li>
 * </ul>
 * At the end the last entry is compared with the separately kept head: only that shows entries
 * deleted from the end of the chain, or appended behind the trail's back.
 */
final class ChainWalk {

    private long checked;
    private long expectedSequence = 1;
    private String expectedPreviousHash = ChainHash.GENESIS;
    private @Nullable ChainVerification broken;

    /** Checks the next entry; {@code false} once the chain is broken (no need to read further). */
    boolean accept(ChainedEntry entry) {
        if (broken != null) {
            return false;
        }
        checked++;
        long sequence = entry.sequence();
        if (sequence != expectedSequence) {
            return breakAt(expectedSequence, sequence > expectedSequence
                    ? "entry %d is missing (deleted): the next entry is %d".formatted(expectedSequence, sequence)
                    : "entry %d appears out of order after entry %d".formatted(sequence, expectedSequence - 1));
        }
        if (!ChainHash.of(entry.previousHash(), entry.fields()).equals(entry.hash())) {
            return breakAt(sequence,
                    "entry %d does not match its hash (edited, moved or re-linked)".formatted(sequence));
        }
        if (!entry.previousHash().equals(expectedPreviousHash)) {
            return sequence == 1
                    ? breakAt(1, "entry 1 does not start from the genesis hash")
                    : breakAt(sequence - 1, "entry %d was rewritten: entry %d does not link to it"
                            .formatted(sequence - 1, sequence));
        }
        expectedSequence = sequence + 1;
        expectedPreviousHash = entry.hash();
        return true;
    }

    /** The result, after the last entry, given the head recorded separately. */
    ChainVerification finish(long headSequence, String headHash) {
        if (broken != null) {
            return broken;
        }
        long last = expectedSequence - 1;
        if (headSequence > last) {
            return new ChainVerification(checked, last + 1,
                    "the chain ends at entry %d but the head records entry %d: entries %d to %d were deleted"
                            .formatted(last, headSequence, last + 1, headSequence));
        }
        if (headSequence < last) {
            return new ChainVerification(checked, headSequence + 1,
                    "entries %d to %d are not recorded in the head: appended outside the audit trail"
                            .formatted(headSequence + 1, last));
        }
        if (!headHash.equals(expectedPreviousHash)) {
            return new ChainVerification(checked, Math.max(last, 1),
                    "entry %d does not match the hash recorded in the head".formatted(last));
        }
        return new ChainVerification(checked, null, null);
    }

    private boolean breakAt(long sequence, String problem) {
        broken = new ChainVerification(checked, sequence, problem);
        return false;
    }
}
