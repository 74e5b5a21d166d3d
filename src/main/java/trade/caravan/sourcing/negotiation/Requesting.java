package trade.caravan.sourcing.negotiation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.accounts.TradeRole;
import trade.caravan.catalog.ScreenedFile;
import trade.caravan.catalog.SupplierMatching;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.RfqId;
import trade.caravan.sourcing.RfqTerms;

/**
 * Sending requests for quotation: to suppliers the buyer chose, or published to the suppliers
 * whose catalog lists products in the RFQ's HS chapter. Each supplier gets its own negotiation.
 * A buyer organization may send {@code caravan.sourcing.rfqs-per-day} RFQs per 24 hours.
 */
@Service
public class Requesting {

    /** How an RFQ reaches suppliers. */
    public enum Audience {
        DIRECT, PUBLISHED
    }

    static final int MAX_DIRECT_SUPPLIERS = 20;
    private static final Instant START = Instant.parse("9999-12-31T00:00:00Z");
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final Rfqs rfqs;
    private final Negotiations negotiations;
    private final Timeline timeline;
    private final Attachments attachments;
    private final TermChecks checks;
    private final TermsJson json;
    private final OrganizationDirectory directory;
    private final SupplierMatching matching;
    private final SourcingSettings settings;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Requesting(Rfqs rfqs, Negotiations negotiations, Timeline timeline, Attachments attachments, TermChecks checks,
            TermsJson json, OrganizationDirectory directory, SupplierMatching matching, SourcingSettings settings,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.rfqs = rfqs;
        this.negotiations = negotiations;
        this.timeline = timeline;
        this.attachments = attachments;
        this.checks = checks;
        this.json = json;
        this.directory = directory;
        this.matching = matching;
        this.settings = settings;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What was sent: the RFQ and one negotiation per supplier. */
    public record Sent(RfqId rfq, String reference, List<NegotiationId> negotiations) {
    }

    @Transactional
    public Sent send(Actor actor, RfqTerms terms, Audience audience, List<OrganizationId> chosen,
            List<ScreenedFile> files) {
        if (!actor.can(Permission.TRADE)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
        checks.check(terms);
        if (files.size() > settings.attachmentsPerMessage()) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("files", "error.sourcing.too-many-files",
                    settings.attachmentsPerMessage())));
        }
        OrganizationId buyer = actor.organizationId();
        List<OrganizationId> suppliers = audience == Audience.DIRECT ? chosen(buyer, chosen)
                : matching.suppliersListingIn(terms.hsCode().chapter(), Set.of(buyer), settings.publishedSuppliers());
        if (suppliers.isEmpty()) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("suppliers",
                    audience == Audience.DIRECT ? "error.sourcing.no-suppliers-chosen"
                            : "error.sourcing.no-matching-suppliers", terms.hsCode().chapter().value())));
        }
        withinDailyLimit(buyer);
        Instant now = clock.instant();
        RfqId id = new RfqId(UUID.randomUUID());
        String reference = "RFQ-" + Year.now(clock.withZone(ZoneOffset.UTC)) + "-"
                + String.format("%06d", rfqs.nextNumber());
        Rfq rfq = rfqs.saveAndFlush(new Rfq(id, reference, buyer, actor.userId(),
                audience == Audience.DIRECT ? Rfq.Audience.DIRECT : Rfq.Audience.PUBLISHED, terms, json.write(terms),
                now));
        for (ScreenedFile file : files) {
            attachments.store(UUID.randomUUID(), id.value(), null, null, buyer, file, now);
        }
        var opened = new java.util.ArrayList<NegotiationId>();
        for (OrganizationId supplier : suppliers) {
            Negotiation negotiation = negotiations.save(new Negotiation(new NegotiationId(UUID.randomUUID()), id, buyer,
                    supplier, terms.replyDeadline(), now));
            TimelineEntry entry = timeline.saveAndFlush(new TimelineEntry(UUID.randomUUID(),
                    negotiation.id().value(), TimelineEntry.Kind.REQUESTED, trade.caravan.sourcing.NegotiationParty.BUYER,
                    actor.userId() == null ? null : actor.userId().value(), actor.displayName(), null, null, now));
            events.publishEvent(new NegotiationChanged(negotiation.id(), buyer, supplier, entry.seq(), "REQUESTED"));
            opened.add(negotiation.id());
        }
        return new Sent(rfq.id(), reference, opened);
    }

    /** The buyer's own RFQs, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<RfqSummary> sent(Actor actor, @Nullable String cursor, int limit) {
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<Rfq> rows = rfqs.pageOf(actor.organizationId().value(), after == null ? START : after.instantAt(0),
                after == null ? LAST_ID : after.uuidAt(1), Limit.of(limit + 1));
        return CursorPage.of(rows, limit, r -> Cursor.of(r.createdAt().toString(), r.id().toString()))
                .map(r -> new RfqSummary(r.id(), r.reference(), r.title(), r.audience().name(), r.createdAt(),
                        r.replyDeadline(), negotiationCount(r.id())));
    }

    /** The RFQ, for its buyer or a supplier it was sent to. */
    @Transactional(readOnly = true)
    public RfqView find(Actor actor, RfqId id) {
        Rfq rfq = rfqs.findById(id.value()).orElseThrow(DomainException::notFound);
        if (!rfq.buyer().equals(actor.organizationId())
                && negotiations.ofRfqFor(id.value(), actor.organizationId().value()).isEmpty()) {
            throw DomainException.notFound();
        }
        OrganizationSummary buyer = directory.find(rfq.buyer()).orElseThrow();
        return new RfqView(rfq.id(), rfq.reference(), buyer, rfq.audience().name(), rfq.status().name(),
                json.rfq(rfq.termsJson()), rfq.createdAt(), attachments.ofRfq(id.value()));
    }

    /** Suppliers a buyer can choose from (registered exporters), for the RFQ form. */
    @Transactional(readOnly = true)
    public List<OrganizationSummary> suppliers(Actor actor, int limit) {
        return directory.suppliers(limit + 1).stream().filter(s -> !s.id().equals(actor.organizationId()))
                .limit(limit).toList();
    }

    private long negotiationCount(RfqId rfq) {
        return jdbc.sql("select count(*) from sourcing.negotiations where rfq_id = ?").param(rfq.value())
                .query(Long.class).single();
    }

    private List<OrganizationId> chosen(OrganizationId buyer, List<OrganizationId> chosen) {
        Set<OrganizationId> unique = new LinkedHashSet<>(chosen);
        unique.remove(buyer);
        if (unique.size() > MAX_DIRECT_SUPPLIERS) {
            throw new InvalidInput(List.of(new InvalidInput.Violation("suppliers", "error.sourcing.too-many",
                    MAX_DIRECT_SUPPLIERS)));
        }
        for (OrganizationId supplier : unique) {
            boolean sells = directory.find(supplier).map(s -> s.tradeRole() != TradeRole.IMPORTER).orElse(false);
            if (!sells) {
                throw new InvalidInput(List.of(new InvalidInput.Violation("suppliers",
                        "error.sourcing.supplier-unknown")));
            }
        }
        return List.copyOf(unique);
    }

    /** Counts the buyer's RFQs of the last 24 hours under a per-buyer lock, so two at once cannot both pass the limit. */
    private void withinDailyLimit(OrganizationId buyer) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 4))").param(buyer.value().toString())
                .query((rs, n) -> null).list();
        Instant since = clock.instant().minus(Duration.ofDays(1));
        if (rfqs.countSentSince(buyer.value(), since) >= settings.rfqsPerDay()) {
            Instant first = rfqs.firstSentSince(buyer.value(), since);
            Duration wait = Duration.between(clock.instant(), first.plus(Duration.ofDays(1)));
            // rounded up: "in 1,420 minutes" must not be a minute too early
            long waitMinutes = Math.max(1, (wait.toMillis() + 59_999) / 60_000);
            throw new DomainException(DomainException.Kind.RATE_LIMITED, "error.sourcing.rfq-daily-limit",
                    settings.rfqsPerDay(), waitMinutes);
        }
    }
}
