package trade.caravan.documents.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.LoggedLeaf;
import trade.caravan.documents.SignedTreeHead;

/**
 * The log's tables (migration {@code documents/V202611290001}). Reads go page by page in index
 * order, so checking a large log never holds it all in memory at once. Not a bean: the log makes
 * one over the application's database, the tamper tests one over a connection they roll back.
 */
final class LogStore {

    static final int PAGE = 5_000;

    /** A leaf row as stored: its bytes, the hash stored beside them, and the columns copied from them. */
    record StoredLeaf(long index, byte[] input, byte[] hash, byte[] documentHash, String documentType,
            DocumentStatus status, UUID issuer, @Nullable UUID trade, Instant loggedAt) {
    }

    /** A key row: the public key, and the private key sealed under the data key. */
    record StoredKey(String keyId, byte[] publicKey, byte[] sealedPrivateKey, Instant createdAt,
            @Nullable Instant retiredAt) {
    }

    private final JdbcClient jdbc;

    LogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The committed tree size, locked until the caller's transaction ends: one appender at a time. */
    long lockSize() {
        return jdbc.sql("select tree_size from documents.log_state where id = 1 for update").query(Long.class).single();
    }

    long size() {
        return jdbc.sql("select tree_size from documents.log_state where id = 1").query(Long.class).single();
    }

    void append(long index, byte[] input, byte[] hash, LogLeaf leaf, SignedTreeHead head) {
        jdbc.sql("""
                        insert into documents.log_leaves (leaf_index, leaf_input, leaf_hash, document_hash, document_type,
                            status, issuer_id, trade_id, logged_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(index, input, hash, leaf.documentHash(), leaf.documentType(), leaf.status().name(),
                        leaf.issuer().value(), leaf.trade(), Timestamp.from(leaf.loggedAt()))
                .update();
        jdbc.sql("""
                        insert into documents.log_heads (tree_size, issued_at, root_hash, key_id, signature)
                        values (?, ?, ?, ?, ?)""")
                .params(head.treeSize(), Timestamp.from(head.timestamp()), head.rootHash(), head.keyId(),
                        head.signature())
                .update();
        jdbc.sql("update documents.log_state set tree_size = ? where id = 1").param(head.treeSize()).update();
    }

    /** Every leaf with {@code from <= index < to}, in order, a page at a time. */
    void leaves(long from, long to, Consumer<StoredLeaf> each) {
        long next = from;
        while (next < to) {
            List<StoredLeaf> page = jdbc.sql("""
                            select leaf_index, leaf_input, leaf_hash, document_hash, document_type, status, issuer_id,
                                   trade_id, logged_at
                            from documents.log_leaves where leaf_index >= ? and leaf_index < ?
                            order by leaf_index limit ?""")
                    .params(next, to, PAGE)
                    .query((rs, n) -> new StoredLeaf(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4),
                            rs.getString(5), DocumentStatus.valueOf(rs.getString(6)), rs.getObject(7, UUID.class),
                            rs.getObject(8, UUID.class), rs.getTimestamp(9).toInstant()))
                    .list();
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            next = page.getLast().index() + 1;
        }
    }

    /** The highest leaf index stored plus one (0 when there is none): what the leaves say the size is. */
    long leafCount() {
        return jdbc.sql("select coalesce(max(leaf_index) + 1, 0) from documents.log_leaves").query(Long.class).single();
    }

    /** Every head, by tree size. */
    void heads(Consumer<SignedTreeHead> each) {
        long after = -1;
        while (true) {
            List<SignedTreeHead> page = jdbc.sql("""
                            select tree_size, issued_at, root_hash, key_id, signature from documents.log_heads
                            where tree_size > ? order by tree_size limit ?""")
                    .params(after, PAGE).query(LogStore::head).list();
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().treeSize();
        }
    }

    Optional<SignedTreeHead> latestHead() {
        return jdbc.sql("""
                        select tree_size, issued_at, root_hash, key_id, signature from documents.log_heads
                        order by tree_size desc limit 1""")
                .query(LogStore::head).optional();
    }

    Optional<SignedTreeHead> head(long treeSize) {
        return jdbc.sql("""
                        select tree_size, issued_at, root_hash, key_id, signature from documents.log_heads
                        where tree_size = ?""")
                .param(treeSize).query(LogStore::head).optional();
    }

    List<LoggedLeaf> leavesOf(byte[] documentHash) {
        return jdbc.sql("select leaf_index, leaf_input from documents.log_leaves where document_hash = ? order by leaf_index")
                .param(documentHash)
                .query((rs, n) -> new LoggedLeaf(rs.getLong(1), rs.getBytes(2), LogLeaf.decode(rs.getBytes(2))))
                .list();
    }

    List<StoredKey> keys() {
        return jdbc.sql("""
                        select key_id, public_key, sealed_private_key, created_at, retired_at from documents.log_keys
                        order by created_at, key_id""")
                .query((rs, n) -> new StoredKey(rs.getString(1), rs.getBytes(2), rs.getBytes(3),
                        rs.getTimestamp(4).toInstant(), instant(rs, 5)))
                .list();
    }

    void insertKey(StoredKey key) {
        jdbc.sql("""
                        insert into documents.log_keys (key_id, public_key, sealed_private_key, created_at)
                        values (?, ?, ?, ?)""")
                .params(key.keyId(), key.publicKey(), key.sealedPrivateKey(), Timestamp.from(key.createdAt()))
                .update();
    }

    void retireKeys(Instant at) {
        jdbc.sql("update documents.log_keys set retired_at = ? where retired_at is null").param(Timestamp.from(at))
                .update();
    }

    /** Serializes key rotation across nodes for the rest of the transaction. */
    void lockKeys() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('documents.log_keys'))").query().singleRow();
    }

    private static SignedTreeHead head(ResultSet rs, int row) throws SQLException {
        return new SignedTreeHead(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBytes(3), rs.getString(4),
                rs.getBytes(5));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
