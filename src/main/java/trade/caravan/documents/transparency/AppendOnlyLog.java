package trade.caravan.documents.transparency;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;

import trade.caravan.documents.ConsistencyProof;
import trade.caravan.documents.InclusionProof;
import trade.caravan.documents.LogKey;
import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.LoggedLeaf;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.SignedTreeHead;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.platform.DomainException;

/**
 * The transparency log on PostgreSQL with its tree in memory. An append locks the log's one state
 * row (so appends are ordered across threads and nodes until the appending transaction ends),
 * brings the memory tree up to the committed size (another node may have appended), adds the
 * leaf, signs the new head, and stores leaf and head; if the transaction rolls back, the memory
 * tree forgets the leaf. Proofs are served for sizes that have a committed head only.
 *
 * <p>At start-up (and daily) {@link LogCheck} rebuilds the tree from the database and checks it
 * against every stored head. A log that fails is reported as an ERROR, counted by the gauge
 * {@code caravan.transparency.intact} (0), and takes no more appends until a check passes.
 */
@Component
class AppendOnlyLog implements TransparencyLog {

    private static final Logger log = LoggerFactory.getLogger(AppendOnlyLog.class);

    private final LogStore store;
    private final LogKeys keys;
    private final Clock clock;
    private final TransparencySettings settings;
    private final AtomicInteger intact = new AtomicInteger(1);
    private @Nullable MerkleTree tree;
    private volatile @Nullable String brokenBecause;

    AppendOnlyLog(JdbcClient jdbc, LogKeys keys, Clock clock, TransparencySettings settings, MeterRegistry meters) {
        this.store = new LogStore(jdbc);
        this.keys = keys;
        this.clock = clock;
        this.settings = settings;
        meters.gauge("caravan.transparency.intact", intact);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        if (settings.verifyOnStartup()) {
            verify();
        }
    }

    @Scheduled(cron = "${caravan.transparency.verify-cron:0 45 3 * * *}")
    void onSchedule() {
        verify();
    }

    /** Checks the whole log; an intact log's rebuilt tree replaces the one in memory. */
    LogCheck.Report verify() {
        LogCheck.Report report = LogCheck.run(store, keys.publicKeys());
        synchronized (this) {
            if (report.intact()) {
                // appends made while the check ran are caught up with on next use
                if (tree == null || tree.size() <= report.leaves()) {
                    tree = report.tree();
                }
                brokenBecause = null;
                intact.set(1);
            } else {
                brokenBecause = report.problem();
                intact.set(0);
            }
        }
        if (report.intact()) {
            log.info("Transparency log intact: {} leaves and {} signed heads verified", report.leaves(), report.heads());
        } else {
            log.error("Transparency log BROKEN: {} ({} leaves checked); appends are refused", report.problem(),
                    report.leaves());
        }
        return report;
    }

    @Override
    @Transactional
    public Appended append(LogLeaf leaf) {
        String broken = brokenBecause;
        if (broken != null) {
            throw new IllegalStateException("The transparency log failed its check (" + broken + "); appends are refused");
        }
        long size = store.lockSize();
        byte[] input = leaf.encode();
        byte[] hash = Merkle.leafHash(input);
        SignedTreeHead head;
        synchronized (this) {
            MerkleTree current = treeAt(size, true);
            current.append(hash);
            Instant previous = store.latestHead().map(SignedTreeHead::timestamp).orElse(Instant.EPOCH);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            head = keys.sign(size + 1, now.isBefore(previous) ? previous : now, current.root(size + 1));
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    forgetFrom(size);
                }
            }
        });
        store.append(size, input, hash, leaf, head);
        return new Appended(new LoggedLeaf(size, input, leaf), head);
    }

    @Override
    public SignedTreeHead head() {
        return store.latestHead().orElseGet(this::emptyHead);
    }

    @Override
    public SignedTreeHead head(long treeSize) {
        if (treeSize == 0) {
            return emptyHead();
        }
        return store.head(treeSize).orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                "transparency.no-head", treeSize));
    }

    @Override
    public InclusionProof inclusion(long leafIndex, long treeSize) {
        committed(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new DomainException(DomainException.Kind.INVALID, "transparency.leaf-outside", leafIndex, treeSize);
        }
        synchronized (this) {
            return new InclusionProof(leafIndex, treeSize, treeAt(treeSize, false).inclusion(leafIndex, treeSize));
        }
    }

    @Override
    public ConsistencyProof consistency(long first, long second) {
        committed(second);
        if (first < 0 || first > second) {
            throw new DomainException(DomainException.Kind.INVALID, "transparency.sizes-out-of-order", first, second);
        }
        synchronized (this) {
            return new ConsistencyProof(first, second, treeAt(second, false).consistency(first, second));
        }
    }

    @Override
    public List<LoggedLeaf> leavesOf(byte[] documentHash) {
        return store.leavesOf(documentHash);
    }

    @Override
    public List<LogKey> keys() {
        return keys.keys();
    }

    /** The empty tree's head, signed now: a log with no leaves still answers who it is. */
    private SignedTreeHead emptyHead() {
        return keys.sign(0, clock.instant().truncatedTo(ChronoUnit.MILLIS), Merkle.emptyRoot());
    }

    private void committed(long treeSize) {
        if (treeSize < 0 || treeSize > store.latestHead().map(SignedTreeHead::treeSize).orElse(0L)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "transparency.no-head", treeSize);
        }
    }

    /**
     * The memory tree with at least {@code size} leaves ({@code exact}: with exactly the committed
     * {@code size}, for an append), loading leaves other nodes appended; the caller holds the lock.
     */
    private MerkleTree treeAt(long size, boolean exact) {
        MerkleTree current = tree;
        if (current == null) {
            current = new MerkleTree();
            tree = current;
        }
        if (exact && current.size() > size) {
            // the leaves of an append that rolled back, its rollback not yet seen here
            current.truncate(size);
        }
        if (current.size() < size) {
            MerkleTree growing = current;
            store.leaves(current.size(), size, leaf -> {
                if (leaf.index() != growing.size() || !java.security.MessageDigest.isEqual(Merkle.leafHash(leaf.input()), leaf.hash())) {
                    throw new IllegalStateException("Transparency log leaf " + leaf.index() + " does not fit; run the check");
                }
                growing.append(leaf.hash());
            });
            if (current.size() < size) {
                throw new IllegalStateException("Transparency log leaves missing below " + size);
            }
        }
        return current;
    }

    private synchronized void forgetFrom(long size) {
        MerkleTree current = tree;
        if (current != null && current.size() > size) {
            current.truncate(size);
        }
    }
}
