package trade.caravan.catalog.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * One catalog import of an organization (tenant-owned): the checked file's counts and problems,
 * then the progress and outcome of the import. Progress and outcome are written by the import's
 * worker ({@link ImportRunner}) with plain SQL in transactions of their own, so that they are seen
 * while the import's own transaction is still open.
 */
@Entity
@Table(name = "import_jobs", schema = "catalog")
class ImportJob {

    @Id
    private UUID id;
    @TenantId
    private UUID organizationId;
    @Enumerated(EnumType.STRING)
    private ImportState state;
    private @Nullable String fileName;
    private String requestedBy;
    private int rowsTotal;
    private int rowsDone;
    private int created;
    private int updated;
    private int unchanged;
    private int published;
    private int errorCount;
    private @Nullable String failureCode;
    private Instant createdAt;
    private @Nullable Instant startedAt;
    private @Nullable Instant finishedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "import_job_errors", schema = "catalog", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    private List<Error> errors = new ArrayList<>();

    protected ImportJob() {
    }

    /** A checked file: VALIDATED if it has no problem, else REJECTED with the first of them. */
    static ImportJob checked(UUID id, @Nullable String fileName, String requestedBy, ImportReport report,
            Instant now) {
        var job = new ImportJob();
        job.id = id;
        job.fileName = fileName;
        job.requestedBy = requestedBy;
        job.createdAt = now;
        job.state = report.valid() ? ImportState.VALIDATED : ImportState.REJECTED;
        job.rowsTotal = report.rows();
        job.created = report.created();
        job.updated = report.updated();
        job.unchanged = report.unchanged();
        job.published = report.published();
        job.errorCount = report.problemCount();
        report.problems().forEach(p -> job.errors.add(new Error(p)));
        if (!report.valid()) {
            job.finishedAt = now;
        }
        return job;
    }

    void start(Instant now) {
        state = ImportState.RUNNING;
        startedAt = now;
        rowsDone = 0;
    }

    /** The import wrote nothing: why, and the problems of its rows if that was the reason. */
    void fail(String code, List<ImportProblem> problems, int problemCount, Instant now) {
        state = ImportState.FAILED;
        failureCode = code;
        errorCount = problemCount;
        errors.clear();
        problems.forEach(p -> errors.add(new Error(p)));
        finishedAt = now;
    }

    void succeed(ProductCounts counts, Instant now) {
        state = ImportState.SUCCEEDED;
        rowsDone = rowsTotal;
        created = counts.created();
        updated = counts.updated();
        unchanged = counts.unchanged();
        published = counts.published();
        finishedAt = now;
    }

    /** What an import did to the catalog. */
    record ProductCounts(int created, int updated, int unchanged, int published) {
    }

    void discard(Instant now) {
        state = ImportState.DISCARDED;
        finishedAt = now;
    }

    UUID id() {
        return id;
    }

    ImportState state() {
        return state;
    }

    @Nullable String fileName() {
        return fileName;
    }

    String requestedBy() {
        return requestedBy;
    }

    int rowsTotal() {
        return rowsTotal;
    }

    int rowsDone() {
        return rowsDone;
    }

    int created() {
        return created;
    }

    int updated() {
        return updated;
    }

    int unchanged() {
        return unchanged;
    }

    int published() {
        return published;
    }

    int errorCount() {
        return errorCount;
    }

    @Nullable String failureCode() {
        return failureCode;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable Instant startedAt() {
        return startedAt;
    }

    @Nullable Instant finishedAt() {
        return finishedAt;
    }

    List<ImportProblem> errors() {
        return errors.stream().map(Error::problem).toList();
    }

    /** One problem of the file, as stored; translated when shown. */
    @Embeddable
    static class Error {
        int line;
        @Column(name = "column_name")
        @Nullable String column;
        String code;
        @Convert(converter = MessageArguments.class)
        List<String> arguments;

        protected Error() {
        }

        Error(ImportProblem problem) {
            this.line = (int) problem.line();
            this.column = problem.column();
            this.code = problem.code();
            this.arguments = problem.arguments();
        }

        ImportProblem problem() {
            return new ImportProblem(line, column, code, arguments);
        }
    }
}
