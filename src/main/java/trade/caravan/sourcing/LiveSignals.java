package trade.caravan.sourcing;

import java.util.Set;
import java.util.UUID;

import trade.caravan.shared.OrganizationId;

/**
 * Live updates for other modules' pages, on the organization's one event stream
 * ({@code /sourcing/live}, {@code /api/v1/live}): after the current transaction commits, each open
 * stream of the given organizations gets {@code event: <topic>}, data
 * {@code {"<topic>":"<subject>","seq":<seq>,"kind":"<kind>"}} — a signal to re-read, never content.
 */
public interface LiveSignals {

    /**
     * @param topic what changed, lower-case letters only ({@code trade}); the event's name
     * @param seq   the subject's newest timeline entry, so a page can tell whether it has it already
     */
    void changed(String topic, UUID subject, long seq, String kind, Set<OrganizationId> organizations);
}
