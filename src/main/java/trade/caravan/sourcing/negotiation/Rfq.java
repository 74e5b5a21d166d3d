package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;
import trade.caravan.sourcing.RfqId;
import trade.caravan.sourcing.RfqTerms;

/**
 * A buyer's request for quotation. Its terms are fixed once sent (suppliers quote against them);
 * the buyer may close it, which withdraws the negotiations still waiting for a quotation.
 */
@Entity
@Table(schema = "sourcing", name = "rfqs")
class Rfq {

    enum Audience {
        /** Sent to suppliers the buyer chose. */
        DIRECT,
        /** Sent to suppliers whose published catalog has products in the RFQ's HS chapter. */
        PUBLISHED
    }

    enum Status {
        OPEN, CLOSED, WITHDRAWN
    }

    @Id
    private UUID id;
    private String reference;
    @Column(name = "buyer_id")
    private UUID buyerId;
    @Column(name = "created_by")
    private @Nullable UUID createdBy;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String terms;
    private String title;
    @Column(name = "hs_chapter")
    private String hsChapter;
    @Column(name = "reply_deadline")
    private Instant replyDeadline;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Rfq() {
        // for JPA
    }

    Rfq(RfqId id, String reference, OrganizationId buyer, @Nullable UserId createdBy, Audience audience,
            RfqTerms terms, String termsJson, Instant now) {
        this.id = id.value();
        this.reference = reference;
        this.buyerId = buyer.value();
        this.createdBy = createdBy == null ? null : createdBy.value();
        this.audience = audience;
        this.status = Status.OPEN;
        this.terms = termsJson;
        this.title = terms.title();
        this.hsChapter = terms.hsCode().chapter().value();
        this.replyDeadline = terms.replyDeadline();
        this.createdAt = now;
    }

    RfqId id() {
        return new RfqId(id);
    }

    String reference() {
        return reference;
    }

    OrganizationId buyer() {
        return new OrganizationId(buyerId);
    }

    Audience audience() {
        return audience;
    }

    Status status() {
        return status;
    }

    String termsJson() {
        return terms;
    }

    String title() {
        return title;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant replyDeadline() {
        return replyDeadline;
    }
}
