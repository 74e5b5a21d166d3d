// Catalog import pages. No inline scripts (CSP); htmx does the polling of a running import.
(function () {
    "use strict";

    document.addEventListener("DOMContentLoaded", function () {
        // Checking a large file and starting an import take a moment: one click is enough.
        document.querySelectorAll("form[data-transfer-upload], form[data-transfer-start]").forEach(function (form) {
            form.addEventListener("submit", function () {
                form.querySelectorAll("button[type=submit]").forEach(function (button) {
                    button.disabled = true;
                    button.setAttribute("aria-disabled", "true");
                });
                form.setAttribute("aria-busy", "true");
            });
        });
    });
})();
