package trade.caravan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The verification rules and the hash format, without a database. */
class AuditChainWalkTests {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");

    @Test
    void theHashFormatIsPinnedByATestVector() {
        // computed independently of this code from the format in docs/adr/0006-audit-hash-chain.md;
        // if it changes, every stored chain stops verifying
        var fields = new ChainedFields(1, T0, "SIGN_IN_FAILED", null,
                UUID.fromString("0b9d6f2e-4c1a-4f7e-9a53-1c2d3e4f5a6b"), "张伟@example.cn", null,
                Map.of("reason", "bad-credentials", "attempt", "3"), "203.0.113.9");
        assertThat(ChainHash.of(ChainHash.GENESIS, fields))
                .isEqualTo("3d85b7cd3ded9719d35ece3c06e275dcb4f4b42f70d38395ecfa813d136d17cd");
    }

    @Test
    void absentAndEmptyValuesHashDifferently() {
        var absent = new ChainedFields(1, T0, "SIGNED_OUT", null, null, null, null, Map.of(), null);
        var empty = new ChainedFields(1, T0, "SIGNED_OUT", null, null, "", null, Map.of(), null);
        assertThat(ChainHash.of(ChainHash.GENESIS, absent)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, empty));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        var one = new ChainedFields(1, T0, "SIGNED_OUT", null, null, "ab", "c", Map.of(), null);
        var other = new ChainedFields(1, T0, "SIGNED_OUT", null, null, "a", "bc", Map.of(), null);
        assertThat(ChainHash.of(ChainHash.GENESIS, one)).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, other));
    }

    @Test
    void detailsHashTheSameInAnyInsertionOrder() {
        var ordered = new java.util.LinkedHashMap<String, String>();
        ordered.put("from", "MEMBER");
        ordered.put("to", "ADMIN");
        var reversed = new java.util.LinkedHashMap<String, String>();
        reversed.put("to", "ADMIN");
        reversed.put("from", "MEMBER");
        assertThat(ChainHash.encode(new ChainedFields(1, T0, "ROLE_CHANGED", null, null, null, null, ordered, null)))
                .isEqualTo(ChainHash.encode(new ChainedFields(1, T0, "ROLE_CHANGED", null, null, null, null, reversed, null)));
    }

    @Test
    void anIntactChainVerifies() {
        List<ChainedEntry> chain = chain(50);
        assertThat(walk(chain, 50, chain.getLast().hash())).isEqualTo(new ChainVerification(50, null, null));
        assertThat(walk(List.of(), 0, ChainHash.GENESIS).intact()).isTrue();
    }

    @Test
    void anEditedEntryBreaksTheChainAtThatEntry() {
        List<ChainedEntry> chain = chain(10);
        ChainedEntry original = chain.get(4);
        chain.set(4, new ChainedEntry(withSubject(original.fields(), "someone else"), original.previousHash(),
                original.hash()));
        ChainVerification result = walk(chain, 10, chain.getLast().hash());
        assertThat(result.firstBrokenSequence()).isEqualTo(5);
        assertThat(result.problem()).contains("entry 5 does not match its hash");
    }

    @Test
    void anEditedAndReHashedEntryBreaksTheChainAtThatEntry() {
        List<ChainedEntry> chain = chain(10);
        ChainedEntry original = chain.get(4);
        ChainedFields forged = withSubject(original.fields(), "someone else");
        chain.set(4, new ChainedEntry(forged, original.previousHash(), ChainHash.of(original.previousHash(), forged)));
        ChainVerification result = walk(chain, 10, chain.getLast().hash());
        assertThat(result.firstBrokenSequence()).isEqualTo(5);
        assertThat(result.problem()).contains("entry 5 was rewritten");
    }

    @Test
    void aDeletedEntryIsReportedMissing() {
        List<ChainedEntry> chain = chain(10);
        chain.remove(6);
        ChainVerification result = walk(chain, 10, chain.getLast().hash());
        assertThat(result.firstBrokenSequence()).isEqualTo(7);
        assertThat(result.problem()).contains("entry 7 is missing");
    }

    @Test
    void deletedNewestEntriesAreFoundOnlyThroughTheHead() {
        List<ChainedEntry> chain = chain(10);
        String headHash = chain.getLast().hash();
        chain.remove(9);
        chain.remove(8);
        // the remaining chain is perfectly consistent in itself
        assertThat(walk(chain, 8, chain.getLast().hash()).intact()).isTrue();
        ChainVerification result = walk(chain, 10, headHash);
        assertThat(result.firstBrokenSequence()).isEqualTo(9);
        assertThat(result.problem()).contains("entries 9 to 10 were deleted");
    }

    @Test
    void swappedEntriesBreakTheChainAtTheEarlierOne() {
        List<ChainedEntry> chain = chain(10);
        ChainedEntry third = chain.get(2);
        ChainedEntry seventh = chain.get(6);
        chain.set(2, renumbered(seventh, 3));
        chain.set(6, renumbered(third, 7));
        assertThat(walk(chain, 10, chain.getLast().hash()).firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void aWellFormedForgedFirstEntryIsRefused() {
        List<ChainedEntry> chain = chain(3);
        ChainedFields forged = chain.getFirst().fields();
        String previous = "1".repeat(64);
        chain.set(0, new ChainedEntry(forged, previous, ChainHash.of(previous, forged)));
        ChainVerification result = walk(chain, 3, chain.getLast().hash());
        assertThat(result.firstBrokenSequence()).isEqualTo(1);
        assertThat(result.problem()).contains("genesis");
    }

    @Test
    void entriesAppendedBehindTheTrailsBackAreFoundThroughTheHead() {
        List<ChainedEntry> chain = chain(6);
        ChainVerification result = walk(chain, 5, chain.get(4).hash());
        assertThat(result.firstBrokenSequence()).isEqualTo(6);
        assertThat(result.problem()).contains("not recorded in the head");
    }

    @Test
    void aHeadHashThatDiffersFromTheLastEntryIsABreak() {
        List<ChainedEntry> chain = chain(4);
        assertThat(walk(chain, 4, "f".repeat(64)).firstBrokenSequence()).isEqualTo(4);
    }

    private static ChainVerification walk(List<ChainedEntry> chain, long headSequence, String headHash) {
        var walk = new ChainWalk();
        for (ChainedEntry entry : chain) {
            if (!walk.accept(entry)) {
                break;
            }
        }
        return walk.finish(headSequence, headHash);
    }

    static List<ChainedEntry> chain(int length) {
        List<ChainedEntry> chain = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int sequence = 1; sequence <= length; sequence++) {
            var fields = new ChainedFields(sequence, T0.plusSeconds(sequence), "SIGN_IN_SUCCEEDED",
                    UUID.fromString("00000000-0000-4000-8000-000000000001"), null, "user" + sequence + "@example.com",
                    null, Map.of("method", "password"), "192.0.2.1");
            String hash = ChainHash.of(previous, fields);
            chain.add(new ChainedEntry(fields, previous, hash));
            previous = hash;
        }
        return chain;
    }

    private static ChainedFields withSubject(ChainedFields fields, String subject) {
        return new ChainedFields(fields.sequence(), fields.occurredAt(), fields.action(), fields.organization(),
                fields.actor(), fields.actorLabel(), subject, fields.details(), fields.ipAddress());
    }

    private static ChainedEntry renumbered(ChainedEntry entry, long sequence) {
        ChainedFields fields = entry.fields();
        return new ChainedEntry(new ChainedFields(sequence, fields.occurredAt(), fields.action(), fields.organization(),
                fields.actor(), fields.actorLabel(), fields.subject(), fields.details(), fields.ipAddress()),
                entry.previousHash(), entry.hash());
    }
}
