package trade.caravan.catalog.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An import as its organization sees it; {@code errors} holds the stored problems when asked for. */
record ImportJobView(UUID id, ImportState state, @Nullable String fileName, String requestedBy, int rowsTotal,
        int rowsDone, int created, int updated, int unchanged, int published, int errorCount,
        @Nullable String failureCode, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        List<ImportProblem> errors) {

    ImportJobView {
        errors = List.copyOf(errors);
    }

    static ImportJobView of(ImportJob job, boolean withErrors) {
        return new ImportJobView(job.id(), job.state(), job.fileName(), job.requestedBy(), job.rowsTotal(),
                job.rowsDone(), job.created(), job.updated(), job.unchanged(), job.published(), job.errorCount(),
                job.failureCode(), job.createdAt(), job.startedAt(), job.finishedAt(),
                withErrors ? job.errors() : List.of());
    }

    /** Percent of the rows written, 0 to 100. */
    public int percent() {
        return rowsTotal == 0 ? (state == ImportState.SUCCEEDED ? 100 : 0) : (int) (100L * rowsDone / rowsTotal);
    }

    public boolean finished() {
        return state.finished();
    }
}
