package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.NegotiationAction;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.NegotiationState;
import trade.caravan.sourcing.RfqId;

/**
 * One supplier's negotiation over one RFQ, and the rules of its state machine:
 * <ul>
 * <li>only the supplier opens with a quotation; after that either side may make a new offer,
 *     which replaces the one on the table (each offer is numbered and kept, see {@link Offer});</li>
 * <li>only the party that did not make the offer on the table may accept or decline it, and only
 *     that very offer (by number), and only until its last valid day (UTC);</li>
 * <li>the party whose offer is on the table may withdraw it, ending the negotiation; so may the
 *     buyer before any quotation, and the supplier may decline to quote;</li>
 * <li>an offer past its validity, or an RFQ unanswered past its reply deadline, expires;</li>
 * <li>accepted, declined, withdrawn and expired are final.</li>
 * </ul>
 * Every change goes through a row lock (see {@code Negotiations#lock}) and a version check, so of
 * two simultaneous answers exactly one applies and the other sees the new state.
 */
@Entity
@Table(schema = "sourcing", name = "negotiations")
class Negotiation {

    @Id
    private UUID id;
    @Column(name = "rfq_id")
    private UUID rfqId;
    @Column(name = "buyer_id")
    private UUID buyerId;
    @Column(name = "supplier_id")
    private UUID supplierId;
    @Enumerated(EnumType.STRING)
    private NegotiationState state;
    @Column(name = "offer_count")
    private int offerCount;
    @Enumerated(EnumType.STRING)
    @Column(name = "latest_offer_by")
    private @Nullable NegotiationParty latestOfferBy;
    @Column(name = "latest_valid_until")
    private @Nullable LocalDate latestValidUntil;
    @Column(name = "accepted_offer")
    private @Nullable Integer acceptedOffer;
    @Enumerated(EnumType.STRING)
    @Column(name = "closed_by")
    private @Nullable NegotiationParty closedBy;
    @Column(name = "closed_at")
    private @Nullable Instant closedAt;
    @Column(name = "reply_deadline")
    private Instant replyDeadline;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Negotiation() {
        // for JPA
    }

    Negotiation(NegotiationId id, RfqId rfq, OrganizationId buyer, OrganizationId supplier, Instant replyDeadline,
            Instant now) {
        if (buyer.equals(supplier)) {
            throw new NegotiationRefused("error.sourcing.own-organization");
        }
        this.id = id.value();
        this.rfqId = rfq.value();
        this.buyerId = buyer.value();
        this.supplierId = supplier.value();
        this.state = NegotiationState.OPEN;
        this.replyDeadline = replyDeadline;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Which side the organization is on, if it is one of the two. */
    public java.util.Optional<NegotiationParty> partyOf(OrganizationId organization) {
        if (organization.value().equals(buyerId)) {
            return java.util.Optional.of(NegotiationParty.BUYER);
        }
        if (organization.value().equals(supplierId)) {
            return java.util.Optional.of(NegotiationParty.SUPPLIER);
        }
        return java.util.Optional.empty();
    }

    /**
     * Puts a new offer on the table; returns its number. The first offer is the supplier's
     * quotation, which must come before the reply deadline.
     */
    int offer(NegotiationParty by, LocalDate validUntil, Instant now) {
        requireOpen(now);
        if (state == NegotiationState.OPEN && by != NegotiationParty.SUPPLIER) {
            throw new NegotiationRefused("error.sourcing.quotation-first");
        }
        if (validUntil.isBefore(today(now))) {
            throw new NegotiationRefused("error.sourcing.valid-until-past");
        }
        offerCount++;
        latestOfferBy = by;
        latestValidUntil = validUntil;
        state = offerCount == 1 ? NegotiationState.QUOTED : NegotiationState.COUNTERED;
        updatedAt = now;
        return offerCount;
    }

    /** Accepts offer {@code number}, which must be the one on the table and not the acceptor's own. */
    void accept(NegotiationParty by, int number, Instant now) {
        requireOpen(now);
        if (!state.hasPendingOffer()) {
            throw new NegotiationRefused("error.sourcing.nothing-to-accept");
        }
        if (number != offerCount) {
            throw new NegotiationRefused("error.sourcing.offer-superseded", number, offerCount);
        }
        if (by == latestOfferBy) {
            throw new NegotiationRefused("error.sourcing.own-offer");
        }
        state = NegotiationState.ACCEPTED;
        acceptedOffer = number;
        close(by, now);
    }

    /**
     * Turns down the offer on the table (or, for the supplier, the request itself); ends the
     * negotiation. With {@code seen}, the offer the decliner looked at: if another has replaced it
     * meanwhile, nothing is declined (the decliner should look at the new one first).
     */
    void decline(NegotiationParty by, @Nullable Integer seen, Instant now) {
        requireOpen(now);
        if (seen != null && state.hasPendingOffer() && seen != offerCount) {
            throw new NegotiationRefused("error.sourcing.offer-superseded", seen, offerCount);
        }
        boolean allowed = state == NegotiationState.OPEN ? by == NegotiationParty.SUPPLIER : by != latestOfferBy;
        if (!allowed) {
            throw new NegotiationRefused(state == NegotiationState.OPEN
                    ? "error.sourcing.decline-nothing" : "error.sourcing.decline-own-offer");
        }
        state = NegotiationState.DECLINED;
        close(by, now);
    }

    void decline(NegotiationParty by, Instant now) {
        decline(by, null, now);
    }

    /** Takes back one's own offer on the table (or, for the buyer, the request itself); ends the negotiation. */
    void withdraw(NegotiationParty by, Instant now) {
        requireOpen(now);
        boolean allowed = state == NegotiationState.OPEN ? by == NegotiationParty.BUYER : by == latestOfferBy;
        if (!allowed) {
            throw new NegotiationRefused("error.sourcing.withdraw-not-yours");
        }
        state = NegotiationState.WITHDRAWN;
        close(by, now);
    }

    /**
     * Marks the negotiation expired if the offer on the table is past its last valid day, or the
     * supplier has not quoted by the reply deadline; says whether it did.
     */
    boolean expireIfDue(Instant now) {
        boolean due = switch (state) {
            case OPEN -> now.isAfter(replyDeadline);
            case QUOTED, COUNTERED -> latestValidUntil != null && today(now).isAfter(latestValidUntil);
            default -> false;
        };
        if (due) {
            state = NegotiationState.EXPIRED;
            closedAt = now;
            updatedAt = now;
        }
        return due;
    }

    private void requireOpen(Instant now) {
        if (state.isFinal()) {
            throw new NegotiationRefused("error.sourcing.closed", state.name());
        }
        if (expireIfDue(now)) {
            throw new NegotiationExpired();
        }
    }

    private void close(NegotiationParty by, Instant now) {
        closedBy = by;
        closedAt = now;
        updatedAt = now;
    }

    /** Records that something was said in the negotiation (a message moves it up the inbox). */
    void touch(Instant now) {
        updatedAt = now;
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public NegotiationId id() {
        return new NegotiationId(id);
    }

    public RfqId rfq() {
        return new RfqId(rfqId);
    }

    public OrganizationId buyer() {
        return new OrganizationId(buyerId);
    }

    public OrganizationId supplier() {
        return new OrganizationId(supplierId);
    }

    public NegotiationState state() {
        return state;
    }

    public int offerCount() {
        return offerCount;
    }

    public @Nullable NegotiationParty latestOfferBy() {
        return latestOfferBy;
    }

    public @Nullable LocalDate latestValidUntil() {
        return latestValidUntil;
    }

    public @Nullable Integer acceptedOffer() {
        return acceptedOffer;
    }

    public @Nullable NegotiationParty closedBy() {
        return closedBy;
    }

    public Instant replyDeadline() {
        return replyDeadline;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    /** What the party may do now (for pages and the API's links); the rules above decide again on the act. */
    public java.util.Set<NegotiationAction> actionsFor(NegotiationParty party, Instant now) {
        var actions = java.util.EnumSet.noneOf(NegotiationAction.class);
        boolean expired = switch (state) {
            case OPEN -> now.isAfter(replyDeadline);
            case QUOTED, COUNTERED -> latestValidUntil != null && today(now).isAfter(latestValidUntil);
            default -> true;
        };
        if (state.isFinal() || expired) {
            return actions;
        }
        actions.add(NegotiationAction.MESSAGE);
        if (state == NegotiationState.OPEN) {
            actions.add(party == NegotiationParty.SUPPLIER ? NegotiationAction.OFFER : NegotiationAction.WITHDRAW);
            if (party == NegotiationParty.SUPPLIER) {
                actions.add(NegotiationAction.DECLINE);
            }
            return actions;
        }
        actions.add(NegotiationAction.OFFER);
        if (party == latestOfferBy) {
            actions.add(NegotiationAction.WITHDRAW);
        } else {
            actions.add(NegotiationAction.ACCEPT);
            actions.add(NegotiationAction.DECLINE);
        }
        return actions;
    }
}
