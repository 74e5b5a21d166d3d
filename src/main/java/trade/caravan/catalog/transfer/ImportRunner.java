package trade.caravan.catalog.transfer;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import trade.caravan.catalog.product.ProductBulk;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;

/**
 * Runs confirmed imports in the background (the application's task executor, virtual threads),
 * each in ONE transaction: all its rows are written, or none. Progress is written beside it in
 * short transactions of its own, so the page and the API see it move.
 *
 * <p>While it runs, the import holds a PostgreSQL advisory lock keyed by the job. A RUNNING job
 * whose lock is free has no living transaction (its node crashed or was killed): PostgreSQL has
 * rolled its writes back, and {@link #failAbandoned} marks it FAILED. That is checked at start-up,
 * before a new import starts and when a running job is looked at.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    /** A job this young may not have taken its lock yet (it is still being handed to a thread). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final String LOCK_KEY = "hashtextextended('catalog-import:' || ?, 0)";

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final ImportChecks checks;
    private final ProductBulk bulk;
    private final ImportSettings settings;
    private final Tenancy tenancy;
    private final JdbcClient jdbc;
    private final Executor executor;
    private final Clock clock;

    ImportRunner(ImportJobs jobs, ImportFiles files, ImportChecks checks, ProductBulk bulk, ImportSettings settings,
            Tenancy tenancy, JdbcClient jdbc, @Qualifier("applicationTaskExecutor") Executor executor, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.checks = checks;
        this.bulk = bulk;
        this.settings = settings;
        this.tenancy = tenancy;
        this.jdbc = jdbc;
        this.executor = executor;
        this.clock = clock;
    }

    /** Hands a job that was just marked RUNNING to a background thread. */
    void submit(UUID job, OrganizationId organization) {
        executor.execute(() -> run(job, organization));
    }

    void run(UUID job, OrganizationId organization) {
        try {
            byte[] content = tenancy.callAs(organization,
                    () -> files.findById(job).map(ImportFile::content).orElse(null));
            if (content == null) {
                fail(organization, job, "error.import.failed", List.of(), 0);
                return;
            }
            ImportChecks.Checked checked = tenancy.callAs(organization,
                    () -> checks.check(new ByteArrayInputStream(content)));
            if (!checked.report().valid()) {
                fail(organization, job, "error.import.rows-invalid", checked.report().problems(),
                        checked.report().problemCount());
                return;
            }
            CatalogFileReader.ParsedFile file = checked.file();
            try {
                write(organization, job, checked);
            } catch (ProductBulk.Refused refused) {
                // the catalog changed since the file was checked
                var report = checks.report(file.rows().size(), null,
                        ImportChecks.problems(refused.plan().problems(), file));
                fail(organization, job, "error.import.rows-invalid", report.problems(), report.problemCount());
            }
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException changed) {
            log.info("Import {} ran into a concurrent change of the catalog: {}", job, changed.getMessage());
            fail(organization, job, "error.import.changed-meanwhile", List.of(), 0);
        } catch (DomainException refusal) {
            fail(organization, job, refusal.messageCode(), List.of(), 0);
        } catch (RuntimeException unexpected) {
            log.error("Import {} failed", job, unexpected);
            fail(organization, job, "error.import.failed", List.of(), 0);
        }
    }

    /** The import itself: one transaction, holding the job's lock, ending with the job SUCCEEDED. */
    private void write(OrganizationId organization, UUID job, ImportChecks.Checked checked) {
        Instant started = clock.instant();
        tenancy.runAs(organization, () -> {
            jdbc.sql("select pg_advisory_xact_lock(" + LOCK_KEY + ")").param(job.toString())
                    .query((rs, n) -> n).list();
            String state = jdbc.sql("select state from catalog.import_jobs where id = ?").param(job)
                    .query(String.class).single();
            if (!ImportState.RUNNING.name().equals(state)) {
                throw new DomainException(DomainException.Kind.CONFLICT, "error.import.interrupted");
            }
            ProductBulk.Plan plan = bulk.apply(checked.rows(), checked.file().given(),
                    done -> progress(organization, job, done));
            // in the import's own transaction: the job is SUCCEEDED if and only if its rows are written
            ImportJob finished = jobs.findById(job).orElseThrow();
            finished.succeed(new ImportJob.ProductCounts(plan.created(), plan.updated(), plan.unchanged(),
                    plan.published()), clock.instant());
            deleteFile(job);
        });
        log.info("Import {} of {} rows committed in {} ms", job, checked.rows().size(),
                Duration.between(started, clock.instant()).toMillis());
    }

    private void deleteFile(UUID job) {
        jdbc.sql("delete from catalog.import_job_files where job_id = ?").param(job).update();
    }

    private void progress(OrganizationId organization, UUID job, int done) {
        tenancy.runAs(organization, () -> jdbc.sql(
                        "update catalog.import_jobs set rows_done = ? where id = ? and state = 'RUNNING'")
                .params(done, job).update());
    }

    private void fail(OrganizationId organization, UUID job, String code, List<ImportProblem> problems, int count) {
        try {
            tenancy.runAs(organization, () -> jobs.findById(job).filter(j -> j.state() == ImportState.RUNNING)
                    .ifPresent(j -> {
                        j.fail(code, problems, count, clock.instant());
                        deleteFile(job);
                    }));
        } catch (RuntimeException e) {
            // the job stays RUNNING without a lock: failAbandoned marks it later
            log.error("Could not mark import {} as failed", job, e);
        }
    }

    /**
     * Marks RUNNING jobs whose transaction is gone as FAILED (nothing of theirs was written); for
     * one organization, or all. Returns how many.
     */
    int failAbandoned(@Nullable OrganizationId organization) {
        Instant now = clock.instant();
        return tenancy.callAsSystem(() -> {
            List<UUID> running = jdbc.sql("select id from catalog.import_jobs where state = 'RUNNING' and started_at < ?"
                            + (organization == null ? "" : " and organization_id = ?"))
                    .params(organization == null
                            ? List.of(Timestamp.from(now.minus(ABANDONED_AFTER)))
                            : List.of(Timestamp.from(now.minus(ABANDONED_AFTER)), organization.value()))
                    .query(UUID.class).list();
            int failed = 0;
            for (UUID job : running) {
                boolean free = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(" + LOCK_KEY + ")")
                        .param(job.toString()).query(Boolean.class).single());
                if (free) {
                    failed += jdbc.sql("""
                                    update catalog.import_jobs set state = 'FAILED', failure_code = 'error.import.interrupted',
                                           finished_at = ? where id = ? and state = 'RUNNING'""")
                            .params(Timestamp.from(now), job).update();
                    deleteFile(job);
                }
            }
            return failed;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedAtStartup() {
        int failed = failAbandoned(null);
        if (failed > 0) {
            log.warn("{} catalog import(s) were interrupted by a stop of the application; nothing of them was written",
                    failed);
        }
    }

    /** Checked files never confirmed are dropped after {@code caravan.catalog.import.keep-checked}. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void discardUnconfirmed() {
        Instant cutoff = clock.instant().minus(settings.keepChecked());
        tenancy.runAsSystem(() -> {
            jdbc.sql("""
                            delete from catalog.import_job_files f using catalog.import_jobs j
                            where f.job_id = j.id and j.state = 'VALIDATED' and j.created_at < ?""")
                    .param(Timestamp.from(cutoff)).update();
            jdbc.sql("""
                            update catalog.import_jobs set state = 'DISCARDED', finished_at = ?
                            where state = 'VALIDATED' and created_at < ?""")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(cutoff)).update();
        });
    }
}
