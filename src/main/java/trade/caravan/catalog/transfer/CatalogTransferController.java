package trade.caravan.catalog.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;

/**
 * The supplier's import and export pages: upload a file, see every problem of it by line and
 * column (or what it would do), confirm, and follow the import's progress (htmx polls the job
 * every second); download the catalog, or a template.
 */
@Controller
@RequestMapping("/catalog/products")
@PreAuthorize("hasAuthority('organization:view')")
class CatalogTransferController {

    /** Problems shown per page of a rejected file. */
    static final int ERRORS_PER_PAGE = 100;

    private final CatalogImports imports;
    private final CatalogExports exports;
    private final Clock clock;

    CatalogTransferController(CatalogImports imports, CatalogExports exports, Clock clock) {
        this.imports = imports;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('trade:act')")
    String importPage(Model model) {
        model.addAttribute("recent", imports.recent(10));
        return "catalog/transfer/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('trade:act')")
    String upload(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(required = false) @Nullable MultipartFile file,
            Model model, HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("recent", imports.recent(10));
            model.addAttribute("missingFile", true);
            return "catalog/transfer/import";
        }
        ImportJobView job;
        try (InputStream content = file.getInputStream()) {
            job = imports.upload(member, file.getOriginalFilename(), content);
        }
        return "redirect:/catalog/products/import/" + job.id();
    }

    @GetMapping("/import/{id}")
    @PreAuthorize("hasAuthority('trade:act')")
    String job(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page, Model model) {
        ImportJobView job = imports.find(id);
        int pages = Math.max(1, (job.errors().size() + ERRORS_PER_PAGE - 1) / ERRORS_PER_PAGE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<ImportProblem> errors = job.errors().subList((shown - 1) * ERRORS_PER_PAGE,
                Math.min(job.errors().size(), shown * ERRORS_PER_PAGE));
        model.addAttribute("job", job);
        model.addAttribute("errors", errors);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        return "catalog/transfer/job";
    }

    /** The progress region alone, for htmx to swap in every second while the import runs. */
    @GetMapping("/import/{id}/progress")
    @PreAuthorize("hasAuthority('trade:act')")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.find(id));
        return "catalog/transfer/job :: progress";
    }

    @PostMapping("/import/{id}/start")
    @PreAuthorize("hasAuthority('trade:act')")
    String start(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id) {
        imports.start(member, id);
        return "redirect:/catalog/products/import/" + id;
    }

    @PostMapping("/import/{id}/discard")
    @PreAuthorize("hasAuthority('trade:act')")
    String discard(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id, RedirectAttributes redirect) {
        imports.discard(member, id);
        redirect.addFlashAttribute("discarded", true);
        return "redirect:/catalog/products/import";
    }

    @GetMapping("/import/template.csv")
    void template(HttpServletResponse response) throws IOException {
        csvDownload(response, "caravan-products-template.csv");
        exports.template(response.getOutputStream(), true);
    }

    /** The catalog for a spreadsheet: with a byte order mark unless {@code bom=false}. */
    @GetMapping("/export.csv")
    void export(@RequestParam(defaultValue = "true") boolean bom, HttpServletResponse response) throws IOException {
        csvDownload(response, "products-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv");
        exports.export(response.getOutputStream(), bom);
    }

    static void csvDownload(HttpServletResponse response, String fileName) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
