package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.sourcing.NegotiationAction;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.sourcing.TermSheet;

/**
 * A negotiation as one of its two parties sees it: the RFQ, every offer with what changed against
 * the one before, the timeline, and what the reader may do now.
 */
public record NegotiationView(NegotiationId id, RfqView rfq, NegotiationParty side, OrganizationSummary buyer,
        OrganizationSummary supplier, NegotiationState state, int offerCount, @Nullable Integer acceptedOffer,
        List<OfferView> offers, List<Event> timeline, Set<NegotiationAction> actions, long lastSeq, long version) {

    /** An offer and its changes against the previous offer (none for the first). */
    public record OfferView(int number, NegotiationParty madeBy, String madeByName, Instant madeAt, TermSheet terms,
            List<TermChange> changes) {
    }

    /** Something that happened, in order; offers refer to {@link OfferView#number()}. */
    public record Event(long seq, String kind, @Nullable NegotiationParty author, @Nullable String authorName,
            @Nullable String body, @Nullable Integer offerNumber, Instant at, List<AttachmentView> attachments) {
    }

    public @Nullable OfferView latestOffer() {
        return offers.isEmpty() ? null : offers.getLast();
    }

    public @Nullable OfferView offer(int number) {
        return number < 1 || number > offers.size() ? null : offers.get(number - 1);
    }

    public OrganizationSummary counterpart() {
        return side == NegotiationParty.BUYER ? supplier : buyer;
    }
}
