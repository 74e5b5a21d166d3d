package trade.caravan.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Direct access to the audit tables for tests, through the maintenance switch the append-only
 * triggers honour ({@code set local caravan.audit_maintenance = 'on'}, this transaction only).
 */
final class AuditTables {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AuditTables(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs the statements as one maintenance transaction, as someone with database access could. */
    void tamper(String... statements) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("set local caravan.audit_maintenance = 'on'");
            for (String statement : statements) {
                jdbc.execute(statement);
            }
        });
    }

    /** An empty trail: no entries, head back at the genesis. */
    void reset() {
        tamper("truncate audit.entries", "update audit.head set sequence = 0, hash = repeat('0', 64)");
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from audit.entries", Long.class);
        return count == null ? 0 : count;
    }
}
