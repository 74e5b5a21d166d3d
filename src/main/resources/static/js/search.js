// The search page (/search). It works without this file (a GET form); with htmx, every change of
// the form swaps the results and the filters, and this file keeps that accessible.
(function () {
    "use strict";

    function results() {
        return document.getElementById("search-results");
    }

    // A refused search (400) carries its explanation: show it instead of keeping stale results.
    document.addEventListener("htmx:beforeSwap", function (event) {
        if (event.detail.target === results() && event.detail.xhr.status === 400) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });

    document.addEventListener("htmx:beforeRequest", function (event) {
        var region = results();
        if (region && event.detail.target === region) {
            region.setAttribute("aria-busy", "true");
        }
    });

    // Screen readers hear the new number of results (or the refusal) once, not the whole list.
    document.addEventListener("htmx:afterSettle", function (event) {
        var region = results();
        if (!region || event.detail.target !== region) {
            return;
        }
        region.removeAttribute("aria-busy");
        var status = document.getElementById("search-status");
        var summary = region.querySelector("[data-search-status]") || region.querySelector("[role=alert]");
        if (status && summary) {
            status.textContent = summary.textContent.trim();
        }
    });
})();
