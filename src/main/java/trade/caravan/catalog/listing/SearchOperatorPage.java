package trade.caravan.catalog.listing;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.Formats;
import trade.caravan.platform.Problems;

/**
 * The operator's search index page ({@code /operator/search}, operator addresses only): how many
 * listings the database and the index hold, how many changes wait in the outbox, and a button that
 * rebuilds the index, with its progress (polled by htmx while it runs).
 */
@Controller
@RequestMapping("/operator/search")
class SearchOperatorPage {

    private final ListingIndexing indexing;
    private final ListingSearch search;
    private final JdbcClient jdbc;
    private final Formats formats;

    SearchOperatorPage(ListingIndexing indexing, ListingSearch search, JdbcClient jdbc, Formats formats) {
        this.indexing = indexing;
        this.search = search;
        this.jdbc = jdbc;
        this.formats = formats;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("listings", jdbc.sql("select count(*) from catalog.listings").query(Long.class).single());
        model.addAttribute("indexed", search.indexedCount());
        model.addAttribute("pending",
                jdbc.sql("select count(*) from catalog.hsearch_outbox_event").query(Long.class).single());
        return progress(model, null);
    }

    /** The progress region alone, for htmx polling. */
    @GetMapping("/progress")
    String progress(Model model, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        ListingIndexing.Progress progress = indexing.progress();
        model.addAttribute("progress", progress);
        model.addAttribute("startedAt", formats.dateTime(progress.startedAt()));
        model.addAttribute("finishedAt", formats.dateTime(progress.finishedAt()));
        return htmx == null ? "catalog/search-operator" : "catalog/search-operator :: progress";
    }

    /** Starts a rebuild; while one runs, a second is refused (409) and the page says so. */
    @PostMapping("/rebuild")
    String rebuild(Model model, HttpServletResponse response) {
        try {
            indexing.start();
        } catch (DomainException running) {
            response.setStatus(Problems.status(running.kind()).value());
            model.addAttribute("refusal", running);
            return page(model);
        }
        return "redirect:/operator/search";
    }
}
