package trade.caravan.catalog.transfer;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.Permission;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;

/**
 * The current organization's catalog imports: check a file (a dry run that reports every problem
 * by line and column), keep a good one until the import is confirmed, start it in the background,
 * follow it. Only members and tokens that may trade (TRADE permission) import; one import runs per
 * organization at a time.
 */
@Service
class CatalogImports {

    /** A file that cannot be imported; nothing was kept or written. */
    static final class Rejected extends DomainException {

        private final transient ImportReport report;

        Rejected(ImportReport report) {
            super(Kind.INVALID, "error.import.rejected", report.problemCount());
            this.report = report;
        }

        ImportReport report() {
            return report;
        }
    }

    private final ImportChecks checks;
    private final ImportRunner runner;
    private final ImportJobs jobs;
    private final ImportFiles files;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CatalogImports(ImportChecks checks, ImportRunner runner, ImportJobs jobs, ImportFiles files, Tenancy tenancy,
            PlatformTransactionManager transactions, Clock clock) {
        this.checks = checks;
        this.runner = runner;
        this.jobs = jobs;
        this.files = files;
        this.tenancy = tenancy;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Checks a file and forgets it: what importing it would do, or every problem. */
    ImportReport dryRun(Actor actor, InputStream content) {
        require(actor);
        return checks.check(content).report();
    }

    /** Checks a file and keeps it as a job: VALIDATED (waiting for {@link #start}) or REJECTED. */
    ImportJobView upload(Actor actor, @Nullable String fileName, InputStream content) {
        require(actor);
        Received received = receive(content);
        return keep(actor, fileName, received);
    }

    /** Checks a file and, if it is good, starts importing it at once; else {@link Rejected}. */
    ImportJobView importNow(Actor actor, @Nullable String fileName, InputStream content) {
        require(actor);
        Received received = receive(content);
        if (!received.report().valid()) {
            throw new Rejected(received.report());
        }
        return start(actor, keep(actor, fileName, received).id());
    }

    /** Starts importing a checked file in the background. */
    ImportJobView start(Actor actor, UUID jobId) {
        require(actor);
        OrganizationId organization = tenancy.requireOrganization();
        runner.failAbandoned(organization);
        ImportJobView started;
        try {
            started = inTransaction(() -> {
                ImportJob job = jobs.findById(jobId).orElseThrow(DomainException::notFound);
                if (job.state() != ImportState.VALIDATED) {
                    throw new DomainException(DomainException.Kind.CONFLICT, "error.import.not-waiting");
                }
                job.start(clock.instant());
                jobs.flush();
                return ImportJobView.of(job, false);
            });
        } catch (DataIntegrityViolationException another) {
            // import_jobs_one_running_idx: this organization already has an import running
            throw new DomainException(DomainException.Kind.CONFLICT, "error.import.running");
        }
        runner.submit(jobId, organization);
        return started;
    }

    /** Drops a checked file that will not be imported. */
    ImportJobView discard(Actor actor, UUID jobId) {
        require(actor);
        return inTransaction(() -> {
            ImportJob job = jobs.findById(jobId).orElseThrow(DomainException::notFound);
            if (job.state() != ImportState.VALIDATED) {
                throw new DomainException(DomainException.Kind.CONFLICT, "error.import.not-waiting");
            }
            job.discard(clock.instant());
            files.deleteByJobId(jobId);
            return ImportJobView.of(job, false);
        });
    }

    /** A job of the organization, with its problems; a RUNNING one whose worker died is marked FAILED first. */
    ImportJobView find(UUID jobId) {
        ImportJobView job = inTransaction(() -> ImportJobView.of(
                jobs.findById(jobId).orElseThrow(DomainException::notFound), true));
        if (job.state() == ImportState.RUNNING && runner.failAbandoned(tenancy.requireOrganization()) > 0) {
            return inTransaction(() -> ImportJobView.of(jobs.findById(jobId).orElseThrow(), true));
        }
        return job;
    }

    List<ImportJobView> recent(int count) {
        return inTransaction(() -> jobs.findByOrderByCreatedAtDesc(Limit.of(count)).stream()
                .map(job -> ImportJobView.of(job, false)).toList());
    }

    private ImportJobView keep(Actor actor, @Nullable String fileName, Received received) {
        UUID id = UUID.randomUUID();
        return inTransaction(() -> {
            ImportJob job = jobs.save(ImportJob.checked(id, cleanFileName(fileName), actor.label(), received.report(),
                    clock.instant()));
            if (received.report().valid()) {
                files.save(new ImportFile(id, received.bytes()));
            }
            return ImportJobView.of(job, true);
        });
    }

    private record Received(byte[] bytes, ImportReport report) {
    }

    /**
     * Checks the file while it arrives, keeping a copy of what was read: a file that breaks a
     * limit is refused as soon as it does (the copy is then never more than the limits allow).
     */
    private Received receive(InputStream content) {
        var copy = new ByteArrayOutputStream();
        InputStream copying = new FilterInputStream(content) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    copy.write(buffer, offset, read);
                }
                return read;
            }
        };
        ImportReport report = checks.check(copying).report();
        return new Received(copy.toByteArray(), report);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** The file's name as the browser sent it, without any path, for people to recognize. */
    static @Nullable String cleanFileName(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() ? null : name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static void require(Actor actor) {
        if (!actor.can(Permission.TRADE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
    }
}
