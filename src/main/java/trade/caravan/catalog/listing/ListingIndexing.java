package trade.caravan.catalog.listing;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import jakarta.persistence.EntityManagerFactory;

import org.jspecify.annotations.Nullable;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import trade.caravan.platform.DomainException;

/**
 * Rebuilds the search index from the listings in the database (Hibernate Search's mass indexer),
 * one rebuild at a time per node, reporting progress. The index is derived data: a rebuild empties
 * it, then indexes every listing; changes committed meanwhile wait in the outbox and are applied
 * after it. Sized for a small machine by default (two loading threads, batches of 250), see
 * {@link SearchSettings}.
 */
@Service
public class ListingIndexing {

    private static final Logger log = LoggerFactory.getLogger(ListingIndexing.class);
    private static final int ID_FETCH_SIZE = 1_000;

    /** Where the latest rebuild stands. */
    public enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    /**
     * A rebuild's progress.
     *
     * @param indexed listings indexed so far
     * @param total   listings in the database when it started
     * @param failure what went wrong, for the operator (the log has the details)
     */
    public record Progress(State state, long indexed, long total, @Nullable Instant startedAt,
            @Nullable Instant finishedAt, @Nullable String failure) {

        static final Progress IDLE = new Progress(State.IDLE, 0, 0, null, null, null);

        /** Whole percent done, 0 to 100. */
        public int percent() {
            return total == 0 ? (state == State.DONE ? 100 : 0) : (int) Math.min(100, indexed * 100 / total);
        }
    }

    private final EntityManagerFactory entityManagerFactory;
    private final Listings listings;
    private final SearchSettings settings;
    private final Clock clock;
    private @Nullable Run run;

    ListingIndexing(EntityManagerFactory entityManagerFactory, Listings listings, SearchSettings settings, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.listings = listings;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts a rebuild in the background.
     *
     * @throws DomainException CONFLICT while another rebuild runs
     */
    public Progress start() {
        Run started;
        synchronized (this) {
            if (run != null && run.finished() == null) {
                throw new DomainException(DomainException.Kind.CONFLICT, "error.search.rebuild-running");
            }
            started = new Run(listings.count(), clock.instant());
            run = started;
        }
        log.info("Rebuilding the search index: {} listings", started.total);
        Search.mapping(entityManagerFactory).scope(Listing.class).massIndexer(SearchConfiguration.INDEX_TENANT)
                .purgeAllOnStart(true)
                .mergeSegmentsOnFinish(true)
                .typesToIndexInParallel(1)
                .threadsToLoadObjects(settings.loadingThreads())
                .batchSizeToLoadObjects(settings.batchSize())
                .idFetchSize(ID_FETCH_SIZE)
                .monitor(started)
                .start()
                .whenComplete((ignored, failure) -> started.finish(failure));
        return progress();
    }

    /** Rebuilds and returns when done (the {@code --caravan.search.reindex} command). */
    public Progress rebuild() {
        start();
        Run current;
        synchronized (this) {
            current = run;
        }
        current.done.join();
        return progress();
    }

    public synchronized Progress progress() {
        return run == null ? Progress.IDLE : run.progress();
    }

    /** One rebuild: counts what the mass indexer reports. */
    private final class Run implements MassIndexingMonitor {

        private final long total;
        private final Instant startedAt;
        private final LongAdder indexed = new LongAdder();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile @Nullable Instant finishedAt;
        private volatile @Nullable String failure;

        private Run(long total, Instant startedAt) {
            this.total = total;
            this.startedAt = startedAt;
        }

        @Nullable Instant finished() {
            return finishedAt;
        }

        void finish(@Nullable Throwable failed) {
            if (failed != null) {
                failure = failed.getClass().getSimpleName() + ": " + failed.getMessage();
                log.error("Rebuilding the search index failed", failed);
            } else {
                log.info("Rebuilt the search index: {} listings", indexed.sum());
            }
            finishedAt = clock.instant();
            done.complete(null);
        }

        Progress progress() {
            State state = finishedAt == null ? State.RUNNING : failure == null ? State.DONE : State.FAILED;
            return new Progress(state, indexed.sum(), total, startedAt, finishedAt, failure);
        }

        @Override
        public void documentsAdded(long increment) {
            indexed.add(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
            // documentsAdded is what counts: a document is indexed once added
        }

        @Override
        public void entitiesLoaded(long increment) {
            // idem
        }

        @Override
        public void indexingCompleted() {
            // the completion stage reports the end, with its failure if any
        }
    }
}
