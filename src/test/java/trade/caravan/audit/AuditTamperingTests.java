package trade.caravan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import trade.caravan.shared.OrganizationId;

/**
 * Someone with write access to the database (the triggers lifted) edits, deletes, reorders or
 * forges entries; verification must name the first entry that no longer fits.
 */
@SpringBootTest
class AuditTamperingTests {

    private static final int LENGTH = 12;
    private static final OrganizationId ORG = OrganizationId.of("aaaaaaaa-0000-4000-8000-0000000000aa");

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    AuditTables tables;

    @BeforeEach
    void chainOfTwelve() {
        tables = new AuditTables(jdbc, transactions);
        tables.reset();
        for (int i = 1; i <= LENGTH; i++) {
            trail.record(new AuditEvent(i % 2 == 0 ? AuditAction.SIGN_IN_SUCCEEDED : AuditAction.ROLE_CHANGED, ORG,
                    null, "user" + i + "@example.com", "user:" + i, Map.of("n", Integer.toString(i)), "192.0.2.1"));
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @AfterEach
    void leaveAnEmptyTrail() {
        tables.reset();
    }

    @Test
    void editingAnyFieldIsDetectedAtThatEntry() {
        String[] edits = {
                "occurred_at = occurred_at + interval '1 microsecond'",
                "action = 'SIGNED_OUT'",
                "organization_id = null",
                "actor_id = 'cccccccc-0000-4000-8000-000000000003'",
                "actor_label = 'innocent@example.com'",
                "subject = null",
                "details = '{\"n\": \"5\", \"note\": \"added\"}'",
                "details = '{\"n\": 5}'",
                "ip_address = '192.0.2.2'",
                "previous_hash = repeat('a', 64)",
                "hash = repeat('b', 64)",
        };
        for (String edit : edits) {
            tables.tamper("update audit.entries set " + edit + " where sequence = 5");
            ChainVerification result = trail.verify();
            assertThat(result.firstBrokenSequence()).as(edit).isEqualTo(5);
            tables.reset();
            chainOfTwelve();
        }
    }

    @Test
    void anEditedAndReHashedEntryIsDetectedAtThatEntry() {
        AuditEntry fifth = entry(5);
        var forged = new ChainedFields(5, fifth.occurredAt(), fifth.action().name(), ORG.value(), null,
                "innocent@example.com", fifth.subject(), fifth.details(), fifth.ipAddress());
        tables.tamper("update audit.entries set actor_label = 'innocent@example.com', hash = '"
                + ChainHash.of(fifth.previousHash(), forged) + "' where sequence = 5");
        ChainVerification result = trail.verify();
        assertThat(result.firstBrokenSequence()).isEqualTo(5);
        assertThat(result.problem()).contains("rewritten");
    }

    @Test
    void aDeletedEntryIsDetected() {
        tables.tamper("delete from audit.entries where sequence = 7");
        ChainVerification result = trail.verify();
        assertThat(result.firstBrokenSequence()).isEqualTo(7);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void aDeletedFirstEntryIsDetected() {
        tables.tamper("delete from audit.entries where sequence = 1");
        assertThat(trail.verify().firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void aDeletedEntryWithTheRestRenumberedIsDetected() {
        tables.tamper("delete from audit.entries where sequence = 7",
                "update audit.entries set sequence = sequence + 1000 where sequence > 7",
                "update audit.entries set sequence = sequence - 1001 where sequence > 1000");
        assertThat(trail.verify().firstBrokenSequence()).isEqualTo(7);
    }

    @Test
    void deletingTheNewestEntryIsDetectedThroughTheHead() {
        tables.tamper("delete from audit.entries where sequence = " + LENGTH);
        ChainVerification result = trail.verify();
        assertThat(result.firstBrokenSequence()).isEqualTo(LENGTH);
        assertThat(result.problem()).contains("deleted");
    }

    @Test
    void deletingEverythingIsDetectedThroughTheHead() {
        tables.tamper("truncate audit.entries");
        assertThat(trail.verify().firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void swappingTwoEntriesIsDetectedAtTheEarlierOne() {
        tables.tamper("update audit.entries set sequence = 1003 where sequence = 3",
                "update audit.entries set sequence = 3 where sequence = 9",
                "update audit.entries set sequence = 9 where sequence = 1003");
        assertThat(trail.verify().firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void swappingTheContentOfNeighboursIsDetected() {
        tables.tamper("""
                update audit.entries e set actor_label = o.actor_label, subject = o.subject, details = o.details
                from audit.entries o
                where (e.sequence, o.sequence) in ((4, 5), (5, 4))""");
        assertThat(trail.verify().firstBrokenSequence()).isEqualTo(4);
    }

    @Test
    void aForgedEntryInsertedInTheMiddleIsDetected() {
        // the forger makes room at 6, inserts a well-chained entry there and re-links the old 6 to it
        AuditEntry fifth = entry(5);
        var forged = new ChainedFields(6, fifth.occurredAt().plusMillis(1), "ROLE_CHANGED", ORG.value(), null,
                "forger@example.com", "user:1", Map.of("to", "OWNER"), "192.0.2.66");
        String forgedHash = ChainHash.of(fifth.hash(), forged);
        tables.tamper(
                "update audit.entries set sequence = sequence + 1000 where sequence >= 6",
                "update audit.entries set sequence = sequence - 999 where sequence > 1000",
                "update audit.entries set previous_hash = '" + forgedHash + "' where sequence = 7",
                """
                insert into audit.entries (sequence, occurred_at, action, organization_id, actor_label, subject,
                                           details, ip_address, previous_hash, hash)
                values (6, '%s', 'ROLE_CHANGED', '%s', 'forger@example.com', 'user:1', '{"to": "OWNER"}',
                        '192.0.2.66', '%s', '%s')"""
                        .formatted(forged.occurredAt(), ORG.value(), fifth.hash(), forgedHash),
                "update audit.head set sequence = sequence + 1");
        ChainVerification result = trail.verify();
        // the forged entry is well-formed in itself; the chain breaks at the first entry after it,
        // whose number (and link) the forgery had to change
        assertThat(result.firstBrokenSequence()).isEqualTo(7);
        assertThat(result.entriesChecked()).isEqualTo(7);
    }

    @Test
    void anEntryAppendedBehindTheTrailsBackIsDetected() {
        AuditEntry last = entry(LENGTH);
        var forged = new ChainedFields(LENGTH + 1, Instant.parse("2030-01-01T00:00:00Z"), "SIGN_IN_SUCCEEDED",
                null, null, null, null, Map.of(), null);
        tables.tamper("""
                insert into audit.entries (sequence, occurred_at, action, previous_hash, hash)
                values (%d, '2030-01-01T00:00:00Z', 'SIGN_IN_SUCCEEDED', '%s', '%s')"""
                .formatted(LENGTH + 1, last.hash(), ChainHash.of(last.hash(), forged)));
        ChainVerification result = trail.verify();
        assertThat(result.firstBrokenSequence()).isEqualTo(LENGTH + 1);
        assertThat(result.problem()).contains("not recorded in the head");
    }

    private AuditEntry entry(long sequence) {
        return jdbc.queryForObject("""
                select occurred_at, action, actor_label, subject, ip_address, previous_hash, hash
                from audit.entries where sequence = ?""",
                (rs, n) -> new AuditEntry(sequence, rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        AuditAction.valueOf(rs.getString(2)), ORG, null, rs.getString(3), rs.getString(4),
                        Map.of("n", Long.toString(sequence)), rs.getString(5), rs.getString(6), rs.getString(7)),
                sequence);
    }
}
