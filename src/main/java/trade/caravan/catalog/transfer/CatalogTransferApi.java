package trade.caravan.catalog.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.Problems;

/**
 * The caller's catalog as a file over the API: export, and imports checked at once and run in the
 * background (202 and a job to poll). Format: docs/catalog-import-format.md.
 */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Product import and export", description = "The caller's products as CSV files (docs/catalog-import-format.md)")
class CatalogTransferApi {

    private final CatalogImports imports;
    private final CatalogExports exports;
    private final Problems problems;

    CatalogTransferApi(CatalogImports imports, CatalogExports exports, Problems problems) {
        this.imports = imports;
        this.exports = exports;
        this.problems = problems;
    }

    /** What a checked file would do. */
    record DryRun(int rows, int created, int updated, int unchanged, int published) {
    }

    /** An import: where it stands, its counts, and its problems (by line and column) if it has any. */
    record ImportResource(UUID id, ImportState state, @Nullable String fileName, int rowsTotal, int rowsDone,
            int percent, int created, int updated, int unchanged, int published, int errorCount,
            @Nullable String failureCode, @Nullable String failure, Instant createdAt, @Nullable Instant startedAt,
            @Nullable Instant finishedAt, List<Map<String, Object>> errors) {
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "Export the caller's products as CSV, in the import format",
            description = "Streams every product (drafts, published, archived) in creation order. Importing the file "
                    + "again changes nothing. Cells a spreadsheet would run as formulas start with an apostrophe.")
    void export(@Parameter(description = "csv (the only format)") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "start with a UTF-8 byte order mark (for Excel)")
            @RequestParam(defaultValue = "false") boolean bom,
            HttpServletResponse response) throws IOException {
        if (!"csv".equalsIgnoreCase(format)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.import.format-unknown", format);
        }
        CatalogTransferController.csvDownload(response, "products.csv");
        exports.export(response.getOutputStream(), bom);
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAuthority('trade:act')")
    @Operation(summary = "Import products from a CSV file",
            description = "Send the file as the body (text/csv) or as the multipart part 'file'. The file is checked "
                    + "at once: every problem is answered with 400 and errors[] naming line and column, and nothing is "
                    + "written. With dryRun=true a good file is answered with what it would do. Otherwise the import "
                    + "starts in the background: 202 with the job to poll. All rows are written in one transaction, "
                    + "or none. One import runs per organization at a time (409). Supports Idempotency-Key.")
    ResponseEntity<?> importFile(@AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) throws IOException {
        String fileName = null;
        InputStream content;
        if (request instanceof MultipartHttpServletRequest multipart && multipart.getFile("file") != null) {
            MultipartFile file = multipart.getFile("file");
            fileName = file.getOriginalFilename();
            content = file.getInputStream();
        } else {
            content = request.getInputStream();
        }
        try (content) {
            if (dryRun) {
                ImportReport report = imports.dryRun(actor, content);
                if (!report.valid()) {
                    throw new CatalogImports.Rejected(report);
                }
                return ResponseEntity.ok(new DryRun(report.rows(), report.created(), report.updated(),
                        report.unchanged(), report.published()));
            }
            ImportJobView job = imports.importNow(actor, fileName, content);
            return ResponseEntity.accepted().location(URI.create("/api/v1/products/imports/" + job.id()))
                    .body(resource(job));
        }
    }

    @GetMapping("/imports/{jobId}")
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "An import: state, progress and outcome",
            description = "Poll until state is SUCCEEDED or FAILED. A FAILED import wrote nothing.")
    ImportResource job(@PathVariable UUID jobId) {
        return resource(imports.find(jobId));
    }

    @ExceptionHandler(CatalogImports.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(CatalogImports.Rejected rejected) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.of(rejected, locale);
        problem.setProperty("errorCount", rejected.report().problemCount());
        problem.setProperty("errors", errors(rejected.report().problems(), locale));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }

    private ImportResource resource(ImportJobView job) {
        Locale locale = LocaleContextHolder.getLocale();
        return new ImportResource(job.id(), job.state(), job.fileName(), job.rowsTotal(), job.rowsDone(),
                job.percent(), job.created(), job.updated(), job.unchanged(), job.published(), job.errorCount(),
                job.failureCode(),
                job.failureCode() == null ? null : problems.message(job.failureCode(), new Object[0], locale),
                job.createdAt(), job.startedAt(), job.finishedAt(), errors(job.errors(), locale));
    }

    private List<Map<String, Object>> errors(List<ImportProblem> found, Locale locale) {
        return found.stream().map(p -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("line", p.line());
            error.put("column", p.column());
            error.put("code", p.code());
            error.put("message", problems.message(p.code(), p.messageArguments(), locale));
            return error;
        }).toList();
    }
}
