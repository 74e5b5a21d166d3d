// Product media uploads: a file over the limit is refused here before it is sent (the server
// checks again, and answers 413). No inline scripts anywhere (the CSP forbids them).
(function () {
    "use strict";

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("form[data-media-upload]").forEach(function (form) {
            var input = form.querySelector('input[type="file"]');
            var message = form.querySelector("[data-media-message]");
            var limit = parseInt(form.getAttribute("data-max-bytes"), 10);
            if (!input || !message || !limit) {
                return;
            }
            function tooLarge() {
                return input.files && input.files.length > 0 && input.files[0].size > limit;
            }
            input.addEventListener("change", function () {
                var refused = tooLarge();
                message.textContent = refused ? form.getAttribute("data-too-large") : "";
                input.setAttribute("aria-invalid", refused ? "true" : "false");
            });
            form.addEventListener("submit", function (event) {
                if (tooLarge()) {
                    event.preventDefault();
                    message.textContent = form.getAttribute("data-too-large");
                    input.focus();
                }
            });
        });
    });
})();
