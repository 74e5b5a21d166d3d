package trade.caravan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

@SpringBootTest
class AuditTrailTests {

    private static final OrganizationId ORG_A = new OrganizationId(UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001"));
    private static final OrganizationId ORG_B = new OrganizationId(UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002"));

    @Autowired
    AuditTrail trail;
    @Autowired
    Tenancy tenancy;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    AuditTables tables;

    @BeforeEach
    void emptyTrail() {
        tables = new AuditTables(jdbc, transactions);
        tables.reset();
    }

    @AfterEach
    void leaveAnEmptyTrail() {
        tables.reset();
    }

    @Test
    void aLongChainVerifies() {
        for (int i = 0; i < 300; i++) {
            trail.record(event(i % 3 == 0 ? ORG_A : ORG_B, "user" + i + "@example.com"));
        }
        ChainVerification result = trail.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(300);
    }

    @Test
    void anEntryIsChainedToTheOneBeforeIt() {
        AuditEntry first = trail.record(event(ORG_A, "a@example.com"));
        AuditEntry second = trail.record(event(null, "unknown@example.com"));
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(jdbc.queryForObject("select hash from audit.head", String.class)).isEqualTo(second.hash());
    }

    @Test
    void recordsWithoutATransactionAsASecurityEventListenerWould() {
        // a failed sign-in is published outside any transaction, for an e-mail no organization knows
        AuditEntry entry = trail.record(new AuditEvent(AuditAction.SIGN_IN_FAILED, null, null,
                "nobody@example.com", null, Map.of("reason", "bad-credentials"), "198.51.100.7"));
        assertThat(entry.organization()).isNull();
        assertThat(tables.count()).isEqualTo(1);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void anEntryRollsBackWithTheChangeItRecordsAndLeavesNoGap() {
        trail.record(event(ORG_A, "first@example.com"));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            trail.record(event(ORG_A, "rolled-back@example.com"));
            status.setRollbackOnly();
        });
        AuditEntry next = trail.record(event(ORG_A, "next@example.com"));

        assertThat(tables.count()).isEqualTo(2);
        assertThat(next.sequence()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit.entries where actor_label = 'rolled-back@example.com'",
                Integer.class)).isZero();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        int threads = 8;
        int perThread = 40;
        var start = new CountDownLatch(1);
        List<Callable<Void>> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            appenders.add(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String label = "t" + thread + "-" + i + "@example.com";
                    // half of them inside a caller's transaction that does more work after the append
                    if (i % 2 == 0) {
                        trail.record(event(ORG_A, label));
                    } else {
                        new TransactionTemplate(transactions).executeWithoutResult(status -> {
                            trail.record(event(ORG_B, label));
                            jdbc.queryForObject("select pg_sleep(0.001)::text", String.class);
                        });
                    }
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> appender : appenders) {
                done.add(pool.submit(appender));
            }
            start.countDown();
            for (Future<Void> future : done) {
                future.get();
            }
        }

        assertThat(tables.count()).isEqualTo(threads * perThread);
        assertThat(jdbc.queryForObject("select max(sequence) from audit.entries", Long.class))
                .isEqualTo(threads * perThread);
        ChainVerification result = trail.verify();
        assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(threads * perThread);
    }

    @Test
    void anOrganizationSeesOnlyItsOwnEntriesNewestFirst() {
        for (int i = 0; i < 5; i++) {
            trail.record(event(ORG_A, "a" + i + "@example.com"));
            trail.record(event(ORG_B, "b" + i + "@example.com"));
            trail.record(event(null, "unknown" + i + "@example.com"));
        }

        CursorPage<AuditEntry> first = tenancy.callAs(ORG_A, () -> trail.entriesOfCurrentOrganization(null, 3));
        assertThat(first.items()).extracting(AuditEntry::actorLabel)
                .containsExactly("a4@example.com", "a3@example.com", "a2@example.com");
        assertThat(first.hasMore()).isTrue();
        CursorPage<AuditEntry> second = tenancy.callAs(ORG_A,
                () -> trail.entriesOfCurrentOrganization(first.nextCursor(), 3));
        assertThat(second.items()).extracting(AuditEntry::actorLabel)
                .containsExactly("a1@example.com", "a0@example.com");
        assertThat(second.hasMore()).isFalse();

        CursorPage<AuditEntry> ofB = tenancy.callAs(ORG_B, () -> trail.entriesOfCurrentOrganization(null, 100));
        assertThat(ofB.items()).hasSize(5).allSatisfy(entry -> assertThat(entry.organization()).isEqualTo(ORG_B));
    }

    @Test
    void entriesOfNoOrganizationAreShownToNobody() {
        trail.record(event(null, "unknown@example.com"));
        trail.record(event(ORG_A, "a@example.com"));

        assertThat(tenancy.callAs(ORG_B, () -> trail.entriesOfCurrentOrganization(null, 100)).items()).isEmpty();
        assertThat(tenancy.callAs(ORG_A, () -> trail.entriesOfCurrentOrganization(null, 100)).items())
                .extracting(AuditEntry::actorLabel).containsExactly("a@example.com");
        // anonymous (no tenant at all) and the system tenant see no organization's log
        assertThat(trail.entriesOfCurrentOrganization(null, 100).items()).isEmpty();
        assertThat(tenancy.callAsSystem(() -> trail.entriesOfCurrentOrganization(null, 100)).items()).isEmpty();
    }

    @Test
    void readBackEntriesCarryEveryField() {
        UserId actor = new UserId(UUID.fromString("cccccccc-0000-4000-8000-000000000003"));
        AuditEntry recorded = trail.record(new AuditEvent(AuditAction.ROLE_CHANGED, ORG_A, actor, "李娜",
                "user:42", Map.of("from", "MEMBER", "to", "ADMIN"), "2001:db8::1"));
        AuditEntry read = tenancy.callAs(ORG_A, () -> trail.entriesOfCurrentOrganization(null, 1)).items().getFirst();
        assertThat(read).isEqualTo(recorded);
    }

    @Test
    void aForeignCursorIsRefused() {
        assertThatThrownBy(() -> tenancy.callAs(ORG_A, () -> trail.entriesOfCurrentOrganization("bm90LWEtbnVtYmVy", 10)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void textThatPostgresWouldAlterIsStoredSoItStillVerifies() {
        String typed = "evil\u0000@example.com\uD800" + "x".repeat(2000);
        AuditEntry entry = trail.record(new AuditEvent(AuditAction.SIGN_IN_FAILED, null, null, typed, typed,
                Map.of("typed", typed), typed));
        assertThat(entry.actorLabel()).doesNotContain("\u0000").hasSize(HashChainedAuditTrail.MAX_TEXT);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToRewriteTheTrail() {
        trail.record(event(ORG_A, "a@example.com"));
        trail.record(event(ORG_A, "b@example.com"));

        assertThatThrownBy(() -> jdbc.update("update audit.entries set actor_label = 'x' where sequence = 1"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit.entries where sequence = 2"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit.entries"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit.head set sequence = 1"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("only advances");
        assertThatThrownBy(() -> jdbc.update("delete from audit.head"))
                .isInstanceOf(DataIntegrityViolationException.class).rootCause().hasMessageContaining("only advances");

        assertThat(tables.count()).isEqualTo(2);
        assertThat(trail.verify().intact()).isTrue();
    }

    private static AuditEvent event(OrganizationId organization, String label) {
        return new AuditEvent(AuditAction.SIGN_IN_SUCCEEDED, organization, null, label, null,
                Map.of("method", "password"), "192.0.2.10");
    }
}
