package trade.caravan.sourcing.live;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.Actor;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.negotiation.Negotiating;

/**
 * Live updates as server-sent events: {@code event: negotiation}, data
 * {@code {"negotiation":"<id>","seq":<entry>,"kind":"OFFER"}}. For pages (session) and for ERPs
 * (API token) alike. Subscribing to a negotiation the caller's organization is not party to
 * answers 404, as every other path to it does.
 */
@RestController
@Tag(name = "Live updates", description = "Server-sent events about the caller's negotiations")
class LiveController {

    private final LiveHub hub;
    private final Negotiating negotiating;

    LiveController(LiveHub hub, Negotiating negotiating) {
        this.hub = hub;
        this.negotiating = negotiating;
    }

    @GetMapping(path = {"/sourcing/live", "/api/v1/live"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "Every change to any of the organization's negotiations")
    SseEmitter all(@AuthenticationPrincipal Actor actor) {
        return hub.subscribe(actor.organizationId(), actor.userId(), null);
    }

    @GetMapping(path = {"/sourcing/negotiations/{id}/live", "/api/v1/negotiations/{id}/live"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAuthority('organization:view')")
    @Operation(summary = "Changes to one negotiation (404 unless the organization is party to it)")
    SseEmitter one(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        NegotiationId negotiation = new NegotiationId(id);
        negotiating.sideOf(actor, negotiation);
        return hub.subscribe(actor.organizationId(), actor.userId(), negotiation);
    }
}
