// Caravan page behaviour. No inline scripts anywhere (the CSP forbids them); everything is here.
(function () {
    "use strict";

    // htmx requests carry the CSRF token like forms do.
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.getAttribute("content")] = token.getAttribute("content");
        }
    });

    document.addEventListener("DOMContentLoaded", function () {
        // Selects marked data-autosubmit submit their form on change; the button stays for keyboards without JS.
        document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
            select.addEventListener("change", function () {
                select.form.submit();
            });
        });
        // Buttons marked data-confirm ask before submitting (member removal, token revocation).
        document.querySelectorAll("[data-confirm]").forEach(function (element) {
            element.addEventListener("click", function (event) {
                if (!window.confirm(element.getAttribute("data-confirm"))) {
                    event.preventDefault();
                }
            });
        });
        // Copy buttons (API token shown once, recovery codes).
        document.querySelectorAll("[data-copy]").forEach(function (button) {
            button.addEventListener("click", function () {
                var source = document.getElementById(button.getAttribute("data-copy"));
                if (source && navigator.clipboard) {
                    navigator.clipboard.writeText(source.textContent.trim());
                    button.setAttribute("aria-pressed", "true");
                }
            });
        });
    });
})();
