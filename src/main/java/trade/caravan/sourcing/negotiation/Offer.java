package trade.caravan.sourcing.negotiation;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import trade.caravan.sourcing.NegotiationParty;

/**
 * One offer of a negotiation: a numbered term sheet as its maker stated it. Never changed once
 * written; the database refuses updates and deletes of offers too.
 */
@Entity
@Immutable
@Table(schema = "sourcing", name = "offers")
class Offer {

    @Embeddable
    record Key(@Column(name = "negotiation_id") UUID negotiationId, int number) implements Serializable {
    }

    @EmbeddedId
    private Key key;
    @Enumerated(EnumType.STRING)
    @Column(name = "made_by")
    private NegotiationParty madeBy;
    @Column(name = "made_by_user")
    private @Nullable UUID madeByUser;
    @Column(name = "made_by_name")
    private String madeByName;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String terms;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Offer() {
        // for JPA
    }

    Offer(UUID negotiation, int number, NegotiationParty madeBy, @Nullable UUID madeByUser, String madeByName,
            String termsJson, LocalDate validUntil, Instant now) {
        this.key = new Key(negotiation, number);
        this.madeBy = madeBy;
        this.madeByUser = madeByUser;
        this.madeByName = madeByName;
        this.terms = termsJson;
        this.validUntil = validUntil;
        this.createdAt = now;
    }

    int number() {
        return key.number();
    }

    NegotiationParty madeBy() {
        return madeBy;
    }

    String madeByName() {
        return madeByName;
    }

    String termsJson() {
        return terms;
    }

    Instant createdAt() {
        return createdAt;
    }
}
