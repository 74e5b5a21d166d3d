package trade.caravan.documents.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.LogKey;
import trade.caravan.documents.SignedTreeHead;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.platform.SecretBox;
import trade.caravan.shared.OrganizationId;
import trade.caravan.support.IntegrationTest;

/**
 * Someone who can write to the database (and drop the append-only triggers, as its owner can)
 * changes the log behind the application's back; the check that runs at start-up finds each
 * change. Each case tampers inside a transaction, runs the check on that same connection, and
 * rolls back, so the shared test database keeps an intact log.
 */
@IntegrationTest
class LogTamperingTests {

    @Autowired
    TransparencyLog log;
    @Autowired
    LogKeys keys;
    @Autowired
    AppendOnlyLog appendOnlyLog;
    @Autowired
    DataSource dataSource;
    @Autowired
    SecretBox secrets;
    @Autowired
    TransparencySettings settings;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void aFewLeaves() {
        OrganizationId issuer = new OrganizationId(UUID.randomUUID());
        for (int i = 0; i < 6; i++) {
            log.append(TransparencyLogTests.leaf(issuer, UUID.randomUUID(), DocumentStatus.ISSUED, null));
        }
    }

    @Test
    void theUntouchedLogIsIntact() throws Exception {
        LogCheck.Report report = tampered(jdbc -> { });
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.leaves()).isEqualTo(log.head().treeSize());
        assertThat(report.heads()).isEqualTo(report.leaves());
    }

    @Test
    void theTriggersRefuseChangesAndDeletions() {
        long last = log.head().treeSize() - 1;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThatThrownBy(() -> jdbc.sql("update documents.log_leaves set document_type = 'INVOICE' where leaf_index = ?")
                .param(last).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from documents.log_heads where tree_size = ?").param(last + 1).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aLeafWhoseBytesChanged() throws Exception {
        long index = log.head().treeSize() - 3;
        assertThat(tampered(jdbc -> jdbc.sql("""
                        update documents.log_leaves set leaf_input = convert_to(replace(convert_from(leaf_input, 'UTF8'),
                            '"ISSUED"', '"REVOKED"'), 'UTF8') where leaf_index = ?""").param(index).update()).problem())
                .isEqualTo("leaf " + index + " does not hash to its stored hash");
    }

    @Test
    void aLeafRewrittenWithAMatchingHash() throws Exception {
        long index = log.head().treeSize() - 3;
        assertThat(tampered(jdbc -> jdbc.sql("""
                        update documents.log_leaves set leaf_input = x, leaf_hash = sha256('\\x00'::bytea || x)
                        from (select convert_to(replace(convert_from(leaf_input, 'UTF8'), '"ISSUED"', '"REVOKED"'), 'UTF8') as x
                              from documents.log_leaves where leaf_index = ?) changed
                        where leaf_index = ?""").params(index, index).update()).problem())
                .startsWith("leaf " + index + ": the columns differ");
        // and with the columns changed to match: only the signed heads give it away
        assertThat(tampered(jdbc -> jdbc.sql("""
                        update documents.log_leaves set leaf_input = x, leaf_hash = sha256('\\x00'::bytea || x), status = 'REVOKED'
                        from (select convert_to(replace(convert_from(leaf_input, 'UTF8'), '"ISSUED"', '"REVOKED"'), 'UTF8') as x
                              from documents.log_leaves where leaf_index = ?) changed
                        where leaf_index = ?""").params(index, index).update()).problem())
                .isEqualTo("the head of " + (index + 1) + " leaves does not match the tree recomputed from the leaves");
    }

    @Test
    void aLeafsColumnChanged() throws Exception {
        long index = log.head().treeSize() - 2;
        assertThat(tampered(jdbc -> jdbc.sql("update documents.log_leaves set issuer_id = ? where leaf_index = ?")
                .params(UUID.randomUUID(), index).update()).problem())
                .isEqualTo("leaf " + index + ": the columns differ from the leaf's bytes");
    }

    @Test
    void aHeadsRootChanged() throws Exception {
        long size = log.head().treeSize() - 1;
        assertThat(tampered(jdbc -> jdbc.sql("update documents.log_heads set root_hash = sha256(root_hash) where tree_size = ?")
                .param(size).update()).problem())
                .isEqualTo("the head of " + size + " leaves does not match the tree recomputed from the leaves");
    }

    @Test
    void aHeadsSignatureChanged() throws Exception {
        long size = log.head().treeSize();
        assertThat(tampered(jdbc -> jdbc.sql("""
                        update documents.log_heads set signature = set_byte(signature, 10, (get_byte(signature, 10) + 1) % 256)
                        where tree_size = ?""").param(size).update()).problem())
                .isEqualTo("the signature of the head of " + size + " leaves is not valid");
    }

    @Test
    void aHeadSignedByAKeySomeoneAddedToTheDatabase() throws Exception {
        long size = log.head().treeSize();
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = LogKey.idOf(forger.getPublic().getEncoded());
        SignedTreeHead genuine = log.head(size);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(forger.getPrivate());
        signer.update(genuine.signedBytes());
        byte[] forged = signer.sign();
        assertThat(tampered(jdbc -> {
            // without the data key, the forger can only store something that does not open as the private half
            jdbc.sql("""
                            insert into documents.log_keys (key_id, public_key, sealed_private_key, created_at, retired_at)
                            values (?, ?, ?, now(), now())""").params(keyId, forger.getPublic().getEncoded(), new byte[64]).update();
            jdbc.sql("update documents.log_heads set key_id = ?, signature = ? where tree_size = ?")
                    .params(keyId, forged, size).update();
        }, true).problem()).isEqualTo("the head of " + size + " leaves names a key that is not the log's: " + keyId);
    }

    @Test
    void theNewestLeavesDeletedWithTheirHeads() throws Exception {
        long size = log.head().treeSize();
        assertThat(tampered(jdbc -> {
            jdbc.sql("delete from documents.log_heads where tree_size > ?").param(size - 2).update();
            jdbc.sql("delete from documents.log_leaves where leaf_index >= ?").param(size - 2).update();
        }).problem()).isEqualTo("the log has " + (size - 2) + " leaves, its newest head covers " + (size - 2)
                + " and its recorded size is " + size);
        // even with the recorded size rewound too, a head someone kept (or the log line of the last
        // check) still names the old size: that is what consistency proofs are for (see ADR 12)
    }

    @Test
    void aLeafDeletedFromTheMiddle() throws Exception {
        long index = log.head().treeSize() - 4;
        assertThat(tampered(jdbc -> jdbc.sql("delete from documents.log_leaves where leaf_index = ?").param(index).update())
                .problem()).isEqualTo("leaf " + index + " is missing");
    }

    @Test
    void aBrokenLogTakesNoMoreAppendsAndSaysSo() throws Exception {
        long index = log.head().treeSize() - 1;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                jdbc.sql("alter table documents.log_leaves disable trigger log_leaves_append_only").update();
                jdbc.sql("update documents.log_leaves set issuer_id = ? where leaf_index = ?")
                        .params(UUID.randomUUID(), index).update();
                var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
                var broken = new AppendOnlyLog(jdbc, keys, Clock.systemUTC(), settings, meters);
                assertThat(broken.verify().intact()).isFalse();
                assertThat(meters.get("caravan.transparency.intact").gauge().value()).isZero();
                assertThatThrownBy(() -> broken.append(TransparencyLogTests.leaf(new OrganizationId(UUID.randomUUID()),
                        null, DocumentStatus.ISSUED, null)))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("appends are refused");
            } finally {
                connection.rollback();
            }
        }
        assertThat(appendOnlyLog.verify().intact()).as("the real log, untouched").isTrue();
    }

    private LogCheck.Report tampered(Consumer<JdbcClient> change) throws Exception {
        return tampered(change, false);
    }

    /**
     * Runs {@code change} with the triggers off, checks the log on the same connection (with the
     * keys as the log reads them from there too, if {@code keysToo}), and rolls it all back.
     */
    private LogCheck.Report tampered(Consumer<JdbcClient> change, boolean keysToo) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                jdbc.sql("alter table documents.log_leaves disable trigger log_leaves_append_only").update();
                jdbc.sql("alter table documents.log_heads disable trigger log_heads_append_only").update();
                change.accept(jdbc);
                return LogCheck.run(new LogStore(jdbc), keysToo ? keysReadThrough(jdbc) : keys.publicKeys());
            } finally {
                connection.rollback();
            }
        }
    }

    /** The log's keys as a fresh start would find them, read through the tampering connection. */
    private Map<String, PublicKey> keysReadThrough(JdbcClient jdbc) {
        return new LogKeys(jdbc, secrets, Clock.systemUTC(), settings, transactions).publicKeys();
    }
}
