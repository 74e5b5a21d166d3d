// Live updates: one server-sent-event stream per page for the signed-in member's organization.
// Each event only names a negotiation and a timeline entry; the page then fetches what changed
// through the normal, access-checked fragments (htmx), so nothing else travels on the stream.
(function () {
    "use strict";
    var script = document.getElementById("live-script");
    if (!script || !window.EventSource) {
        return;
    }
    var source = new EventSource(script.getAttribute("data-live"));
    var connections = 0;
    // "ready" comes each time the stream (re)opens. What changed before it is not sent on it: the
    // page was rendered before the first subscription stood, and a reconnect (network, sleep, the
    // server's time-out) misses what happened while it was away. So the page catches up by reading
    // the open negotiation again, and after a reconnect the badge and the inbox too.
    source.addEventListener("ready", function () {
        connections++;
        ["negotiation-panel", "trade-panel"].forEach(function (id) {
            var panel = document.getElementById(id);
            if (panel && window.htmx) {
                window.htmx.trigger(panel, "caravan:refresh");
            }
        });
        if (connections > 1) {
            document.body.dispatchEvent(new CustomEvent("caravan:live", {detail: {}}));
        }
    });
    source.addEventListener("negotiation", function (message) {
        var data;
        try {
            data = JSON.parse(message.data);
        } catch (ignored) {
            return;
        }
        document.body.dispatchEvent(new CustomEvent("caravan:live", {detail: data}));
        var panel = document.getElementById("negotiation-panel");
        if (panel && panel.getAttribute("data-negotiation") === data.negotiation && window.htmx) {
            window.htmx.trigger(panel, "caravan:refresh");
        }
    });
    // a trade room re-reads itself when its trade changed (a signature, the contract signed, ...)
    source.addEventListener("trade", function (message) {
        var data;
        try {
            data = JSON.parse(message.data);
        } catch (ignored) {
            return;
        }
        var panel = document.getElementById("trade-panel");
        if (panel && panel.getAttribute("data-trade") === data.trade && window.htmx) {
            window.htmx.trigger(panel, "caravan:refresh");
        }
    });
    // a refresh that was redirected (a session that ended: the sign-in page) must not be swapped
    // into the badge, the inbox or the thread
    document.body.addEventListener("htmx:beforeSwap", function (event) {
        var target = event.detail.target;
        var live = target && (target.id === "unread-slot" || target.id === "inbox" || target.id === "negotiation-panel" || target.id === "trade-panel");
        var xhr = event.detail.xhr;
        if (live && xhr && xhr.responseURL && xhr.responseURL.indexOf(event.detail.requestConfig.path) < 0) {
            event.detail.shouldSwap = false;
        }
    });
    // a negotiation refreshed on screen has been read: the unread badge follows
    document.body.addEventListener("htmx:afterSettle", function (event) {
        if (event.target && event.target.id === "negotiation-panel") {
            document.body.dispatchEvent(new CustomEvent("caravan:read"));
        }
    });
    window.addEventListener("pagehide", function () {
        source.close();
    });
})();
