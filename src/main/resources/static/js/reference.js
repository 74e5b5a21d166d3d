// Reference data browser. The type-ahead itself is plain htmx attributes in the templates.
(function () {
    "use strict";

    // A 400 answer to a type-ahead request carries the translated error for the field: show it in
    // the results region like any other answer instead of dropping it (htmx ignores 4xx by default).
    document.addEventListener("htmx:beforeSwap", function (event) {
        var target = event.detail.target;
        if (event.detail.xhr.status === 400 && target && target.hasAttribute("data-reference-results")) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });
})();
