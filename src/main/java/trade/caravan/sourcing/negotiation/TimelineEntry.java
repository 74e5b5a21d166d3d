package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import trade.caravan.sourcing.NegotiationParty;

/** Something that happened in a negotiation: a message, an offer, or its end. Appended, never changed. */
@Entity
@Immutable
@Table(schema = "sourcing", name = "timeline")
class TimelineEntry {

    enum Kind {
        REQUESTED, MESSAGE, OFFER, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;
    private UUID id;
    @Column(name = "negotiation_id")
    private UUID negotiationId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "author_party")
    private @Nullable NegotiationParty authorParty;
    @Column(name = "author_user")
    private @Nullable UUID authorUser;
    @Column(name = "author_name")
    private @Nullable String authorName;
    private @Nullable String body;
    @Column(name = "offer_number")
    private @Nullable Integer offerNumber;
    @Column(name = "created_at")
    private Instant createdAt;

    protected TimelineEntry() {
        // for JPA
    }

    TimelineEntry(UUID id, UUID negotiationId, Kind kind, @Nullable NegotiationParty authorParty,
            @Nullable UUID authorUser, @Nullable String authorName, @Nullable String body,
            @Nullable Integer offerNumber, Instant now) {
        this.id = id;
        this.negotiationId = negotiationId;
        this.kind = kind;
        this.authorParty = authorParty;
        this.authorUser = authorUser;
        this.authorName = authorName;
        this.body = body;
        this.offerNumber = offerNumber;
        this.createdAt = now;
    }

    long seq() {
        return seq;
    }

    UUID id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    @Nullable NegotiationParty authorParty() {
        return authorParty;
    }

    @Nullable String authorName() {
        return authorName;
    }

    @Nullable String body() {
        return body;
    }

    @Nullable Integer offerNumber() {
        return offerNumber;
    }

    Instant createdAt() {
        return createdAt;
    }
}
