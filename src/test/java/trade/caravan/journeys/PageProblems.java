package trade.caravan.journeys;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;

/**
 * What went wrong in a browser context while a journey ran, though every page looked right:
 * console errors (Chromium reports blocked inline scripts and styles there), Content Security
 * Policy violations, uncaught script errors, and responses with an error status (a broken
 * stylesheet, script or link).
 */
final class PageProblems {

    /**
     * Turns every CSP violation into a console error with its directive and source, in case the
     * browser reports one only as an event. Playwright injects init scripts itself, so the page's
     * CSP does not block this one.
     */
    private static final String REPORT_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', function (e) {
                console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI
                        + ' in ' + e.sourceFile + ':' + e.lineNumber);
            });
            """;

    private final List<String> problems = new CopyOnWriteArrayList<>();

    private PageProblems() {
    }

    static PageProblems watch(BrowserContext context) {
        var watch = new PageProblems();
        context.addInitScript(REPORT_CSP_VIOLATIONS);
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                watch.problems.add("console error: " + message.text() + " (" + message.location() + ")");
            }
        });
        context.onWebError(error -> watch.problems.add("uncaught: " + error.error()));
        context.onResponse(response -> {
            if (response.status() >= 400) {
                watch.problems.add("HTTP " + response.status() + " for " + response.request().method() + " "
                        + response.url());
            }
        });
        return watch;
    }

    List<String> all() {
        return List.copyOf(problems);
    }
}
