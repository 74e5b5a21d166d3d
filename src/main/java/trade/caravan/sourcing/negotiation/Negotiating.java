package trade.caravan.sourcing.negotiation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.catalog.ScreenedFile;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.RateLimits;
import trade.caravan.reference.Currencies;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.GoverningLaw;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.OfferAccepted;
import trade.caravan.sourcing.TermSheet;

/**
 * Negotiating over an RFQ, for either of its two organizations: reading the thread, saying
 * something, making an offer, and answering the offer on the table. Every step is checked against
 * the caller's organization first (anyone else gets "not found"), then against the state machine
 * in {@link Negotiation} under a row lock, so of two simultaneous answers exactly one applies.
 */
@Service
public class Negotiating {

    static final int MAX_MESSAGE = 5_000;
    private static final Instant START = Instant.parse("9999-12-31T00:00:00Z");
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final Negotiations negotiations;
    private final Offers offers;
    private final Timeline timeline;
    private final Rfqs rfqs;
    private final Attachments attachments;
    private final TermChecks checks;
    private final TermsJson json;
    private final OrganizationDirectory directory;
    private final Currencies currencies;
    private final MessageSource messages;
    private final RateLimits rateLimits;
    private final SourcingSettings settings;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Negotiating(Negotiations negotiations, Offers offers, Timeline timeline, Rfqs rfqs, Attachments attachments,
            TermChecks checks, TermsJson json, OrganizationDirectory directory, Currencies currencies,
            MessageSource messages, RateLimits rateLimits, SourcingSettings settings, ApplicationEventPublisher events,
            JdbcClient jdbc, Clock clock) {
        this.negotiations = negotiations;
        this.offers = offers;
        this.timeline = timeline;
        this.rfqs = rfqs;
        this.attachments = attachments;
        this.checks = checks;
        this.json = json;
        this.directory = directory;
        this.currencies = currencies;
        this.messages = messages;
        this.rateLimits = rateLimits;
        this.settings = settings;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The caller's organization's negotiations, most recently active first, with the caller's unread counts. */
    @Transactional(readOnly = true)
    public CursorPage<NegotiationSummary> inbox(Actor actor, @Nullable String cursor, int limit) {
        UUID org = actor.organizationId().value();
        @Nullable Cursor after = Cursor.decode(cursor, 2);
        List<Negotiation> rows = negotiations.inboxOf(org, after == null ? START : after.instantAt(0),
                after == null ? LAST_ID : after.uuidAt(1), Limit.of(limit + 1));
        Map<UUID, Long> unread = unreadBy(actor, rows.stream().map(n -> n.id().value()).toList());
        Map<UUID, Rfq> rfqById = new java.util.HashMap<>();
        rfqs.findAllById(rows.stream().map(n -> n.rfq().value()).distinct().toList())
                .forEach(r -> rfqById.put(r.id().value(), r));
        Map<OrganizationId, String> names = new java.util.HashMap<>();
        return CursorPage.of(rows, limit, n -> Cursor.of(n.updatedAt().toString(), n.id().toString()))
                .map(n -> {
                    NegotiationParty side = n.partyOf(actor.organizationId()).orElseThrow();
                    OrganizationId other = side == NegotiationParty.BUYER ? n.supplier() : n.buyer();
                    Rfq rfq = rfqById.get(n.rfq().value());
                    return new NegotiationSummary(n.id(), n.rfq(), rfq.reference(), rfq.title(), side,
                            names.computeIfAbsent(other, this::name), effectiveState(n), n.offerCount(),
                            n.latestValidUntil(), n.updatedAt(), unread.getOrDefault(n.id().value(), 0L));
                });
    }

    /** Everything unread by the caller across the organization's negotiations. */
    @Transactional(readOnly = true)
    public long unreadTotal(Actor actor) {
        if (actor.userId() == null) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from sourcing.timeline t
                        join sourcing.negotiations n on n.id = t.negotiation_id
                        left join sourcing.read_marks r on r.negotiation_id = t.negotiation_id and r.user_id = :user
                        where (n.buyer_id = :org or n.supplier_id = :org)
                          and t.seq > coalesce(r.read_up_to, 0)
                          and t.author_party is distinct from (case when n.buyer_id = :org then 'BUYER' else 'SUPPLIER' end)""")
                .param("user", actor.userId().value()).param("org", actor.organizationId().value())
                .query(Long.class).single();
    }

    /** A negotiation as the caller's side sees it; marks nothing as read (see {@link #markRead}). */
    @Transactional(readOnly = true)
    public NegotiationView view(Actor actor, NegotiationId id, Locale locale) {
        Negotiation negotiation = negotiations.findFor(id.value(), actor.organizationId().value())
                .orElseThrow(DomainException::notFound);
        return view(negotiation, negotiation.partyOf(actor.organizationId()).orElseThrow(), locale);
    }

    /** Which side the caller's organization is on; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public NegotiationParty sideOf(Actor actor, NegotiationId id) {
        return negotiations.findFor(id.value(), actor.organizationId().value())
                .flatMap(n -> n.partyOf(actor.organizationId()))
                .orElseThrow(DomainException::notFound);
    }

    /** The negotiations of one RFQ that the caller's organization is party to (the buyer sees all of its RFQ's). */
    @Transactional(readOnly = true)
    public List<NegotiationSummary> ofRfq(Actor actor, trade.caravan.sourcing.RfqId rfq) {
        UUID org = actor.organizationId().value();
        List<Negotiation> rows = negotiations.ofRfqFor(rfq.value(), org);
        if (rows.isEmpty()) {
            throw DomainException.notFound();
        }
        Map<UUID, Long> unread = unreadBy(actor, rows.stream().map(n -> n.id().value()).toList());
        Rfq request = rfqs.findById(rfq.value()).orElseThrow(DomainException::notFound);
        return rows.stream().map(n -> {
            NegotiationParty side = n.partyOf(actor.organizationId()).orElseThrow();
            OrganizationId other = side == NegotiationParty.BUYER ? n.supplier() : n.buyer();
            return new NegotiationSummary(n.id(), n.rfq(), request.reference(), request.title(), side, name(other),
                    effectiveState(n), n.offerCount(), n.latestValidUntil(), n.updatedAt(),
                    unread.getOrDefault(n.id().value(), 0L));
        }).toList();
    }

    /**
     * The suppliers of an RFQ's negotiations that the caller may know of: all of them for the
     * buyer, only itself for a supplier (suppliers never learn who else was asked).
     */
    @Transactional(readOnly = true)
    public List<OrganizationId> suppliersOf(Actor actor, trade.caravan.sourcing.RfqId rfq) {
        return negotiations.ofRfqFor(rfq.value(), actor.organizationId().value()).stream()
                .map(Negotiation::supplier).toList();
    }

    /** Says something in the negotiation, with optional files (already screened). */
    @Transactional
    public void message(Actor actor, NegotiationId id, String text, List<ScreenedFile> files) {
        require(actor, Permission.TRADE);
        String body = text.strip();
        var problems = new trade.caravan.platform.InvalidInput.Collector();
        TermChecks.text(problems, "body", body, MAX_MESSAGE, files.isEmpty());
        if (files.size() > settings.attachmentsPerMessage()) {
            problems.add("files", "error.sourcing.too-many-files", settings.attachmentsPerMessage());
        }
        problems.throwIfAny();
        throttle(actor);
        Negotiation negotiation = lock(actor, id);
        NegotiationParty side = negotiation.partyOf(actor.organizationId()).orElseThrow();
        if (negotiation.state().isFinal()) {
            throw new NegotiationRefused("error.sourcing.closed", negotiation.state().name());
        }
        Instant now = clock.instant();
        negotiation.touch(now);
        TimelineEntry entry = append(negotiation, TimelineEntry.Kind.MESSAGE, side, actor, body.isEmpty() ? null : body,
                null, now);
        for (ScreenedFile file : files) {
            attachments.store(UUID.randomUUID(), null, negotiation.id().value(), entry.id(), actor.organizationId(),
                    file, now);
        }
    }

    /** Puts a new offer on the table; returns its number. */
    @Transactional(noRollbackFor = NegotiationExpired.class)
    public int offer(Actor actor, NegotiationId id, TermSheet terms) {
        require(actor, Permission.TRADE);
        checks.check(terms);
        throttle(actor);
        Negotiation negotiation = lock(actor, id);
        NegotiationParty side = negotiation.partyOf(actor.organizationId()).orElseThrow();
        Instant now = clock.instant();
        int number = expiring(negotiation, () -> negotiation.offer(side, terms.validUntil(), now));
        offers.save(new Offer(negotiation.id().value(), number, side,
                actor.userId() == null ? null : actor.userId().value(), actor.displayName(), json.write(terms),
                terms.validUntil(), now));
        append(negotiation, TimelineEntry.Kind.OFFER, side, actor, null, number, now);
        return number;
    }

    /**
     * Accepts offer {@code number}. Publishes {@link OfferAccepted} in the same transaction: the
     * event publication registry keeps it until its listeners are done, across crashes.
     */
    @Transactional(noRollbackFor = NegotiationExpired.class)
    public void accept(Actor actor, NegotiationId id, int number) {
        accept(actor, id, number, GoverningLaw.DEFAULT);
    }

    /** Accepts offer {@code number}, choosing the law that will govern the contract. */
    @Transactional(noRollbackFor = NegotiationExpired.class)
    public void accept(Actor actor, NegotiationId id, int number, GoverningLaw law) {
        require(actor, Permission.TRADE);
        Negotiation negotiation = lock(actor, id);
        NegotiationParty side = negotiation.partyOf(actor.organizationId()).orElseThrow();
        Instant now = clock.instant();
        expiring(negotiation, () -> {
            negotiation.accept(side, number, now);
            return null;
        });
        negotiations.flush();
        Offer accepted = offers.findById(new Offer.Key(negotiation.id().value(), number)).orElseThrow();
        Rfq rfq = rfqs.findById(negotiation.rfq().value()).orElseThrow();
        append(negotiation, TimelineEntry.Kind.ACCEPTED, side, actor, null, number, now);
        events.publishEvent(new OfferAccepted(negotiation.id(), negotiation.rfq(), rfq.reference(), number,
                negotiation.buyer(), negotiation.supplier(), accepted.madeBy(), json.termSheet(accepted.termsJson()),
                now, law));
    }

    /** Declines the offer on the table; {@code seen} is the number of the offer the caller is answering, if known. */
    @Transactional(noRollbackFor = NegotiationExpired.class)
    public void decline(Actor actor, NegotiationId id, @Nullable Integer seen, @Nullable String reason) {
        end(actor, id, seen, reason, TimelineEntry.Kind.DECLINED);
    }

    @Transactional(noRollbackFor = NegotiationExpired.class)
    public void withdraw(Actor actor, NegotiationId id, @Nullable String reason) {
        end(actor, id, null, reason, TimelineEntry.Kind.WITHDRAWN);
    }

    /** Marks the negotiation read by the caller up to timeline entry {@code seq} (never backwards). */
    @Transactional
    public void markRead(Actor actor, NegotiationId id, long seq) {
        if (actor.userId() == null) {
            return;
        }
        negotiations.findFor(id.value(), actor.organizationId().value()).orElseThrow(DomainException::notFound);
        jdbc.sql("""
                        insert into sourcing.read_marks (user_id, negotiation_id, read_up_to) values (?, ?, ?)
                        on conflict (user_id, negotiation_id)
                        do update set read_up_to = greatest(sourcing.read_marks.read_up_to, excluded.read_up_to)""")
                .params(actor.userId().value(), id.value(), seq).update();
    }

    /** A file of a negotiation or RFQ the caller's organization is party to. */
    @Transactional(readOnly = true)
    public Attachments.Stored attachment(Actor actor, UUID fileId) {
        Attachments.Stored stored = attachments.find(fileId).orElseThrow(DomainException::notFound);
        UUID org = actor.organizationId().value();
        boolean allowed = stored.negotiationId() != null
                ? negotiations.findFor(stored.negotiationId(), org).isPresent()
                : stored.rfqId() != null && !negotiations.ofRfqFor(stored.rfqId(), org).isEmpty();
        if (!allowed) {
            throw DomainException.notFound();
        }
        return stored;
    }

    @Transactional(readOnly = true)
    public byte[] content(Attachments.Stored file) {
        return attachments.content(file.view().id());
    }

    /** Marks expired what is past its deadline (system work, every tenant); returns how many. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        for (UUID id : negotiations.dueForExpiry(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), now)) {
            Negotiation negotiation = negotiations.lockAsSystem(id).orElseThrow();
            if (negotiation.expireIfDue(now)) {
                append(negotiation, TimelineEntry.Kind.EXPIRED, null, null, null, null, now);
                expired++;
            }
        }
        return expired;
    }

    private void end(Actor actor, NegotiationId id, @Nullable Integer seen, @Nullable String reason,
            TimelineEntry.Kind kind) {
        require(actor, Permission.TRADE);
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null) {
            var problems = new trade.caravan.platform.InvalidInput.Collector();
            TermChecks.text(problems, "reason", note, MAX_MESSAGE, false);
            problems.throwIfAny();
        }
        Negotiation negotiation = lock(actor, id);
        NegotiationParty side = negotiation.partyOf(actor.organizationId()).orElseThrow();
        Instant now = clock.instant();
        expiring(negotiation, () -> {
            if (kind == TimelineEntry.Kind.DECLINED) {
                negotiation.decline(side, seen, now);
            } else {
                negotiation.withdraw(side, now);
            }
            return null;
        });
        append(negotiation, kind, side, actor, note, negotiation.offerCount() == 0 ? null : negotiation.offerCount(),
                now);
    }

    /** Runs a step; if it finds the negotiation expired, records that (committed) before refusing. */
    private <T> T expiring(Negotiation negotiation, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (NegotiationExpired expired) {
            append(negotiation, TimelineEntry.Kind.EXPIRED, null, null, null, null, clock.instant());
            throw expired;
        }
    }

    private Negotiation lock(Actor actor, NegotiationId id) {
        return negotiations.lockFor(id.value(), actor.organizationId().value()).orElseThrow(DomainException::notFound);
    }

    private TimelineEntry append(Negotiation negotiation, TimelineEntry.Kind kind, @Nullable NegotiationParty side,
            @Nullable Actor actor, @Nullable String body, @Nullable Integer offerNumber, Instant now) {
        TimelineEntry entry = timeline.saveAndFlush(new TimelineEntry(UUID.randomUUID(), negotiation.id().value(), kind,
                side, actor == null || actor.userId() == null ? null : actor.userId().value(),
                actor == null ? null : actor.displayName(), body, offerNumber, now));
        events.publishEvent(new NegotiationChanged(negotiation.id(), negotiation.buyer(), negotiation.supplier(),
                entry.seq(), kind.name()));
        return entry;
    }

    private void throttle(Actor actor) {
        String key = actor.userId() == null ? "org:" + actor.organizationId() : actor.userId().toString();
        rateLimits.tryConsume("sourcing-messages", key, settings.messagesPerMinute(), Duration.ofMinutes(1))
                .ifPresent(wait -> {
                    throw new DomainException(DomainException.Kind.RATE_LIMITED, "error.sourcing.messages-rate",
                            settings.messagesPerMinute(), Math.max(1, wait.toSeconds()));
                });
    }

    private Map<UUID, Long> unreadBy(Actor actor, List<UUID> ids) {
        var unread = new java.util.HashMap<UUID, Long>();
        if (actor.userId() == null || ids.isEmpty()) {
            return unread;
        }
        jdbc.sql("""
                        select t.negotiation_id, count(*) from sourcing.timeline t
                        join sourcing.negotiations n on n.id = t.negotiation_id
                        left join sourcing.read_marks r on r.negotiation_id = t.negotiation_id and r.user_id = :user
                        where t.negotiation_id in (:ids) and (n.buyer_id = :org or n.supplier_id = :org)
                          and t.seq > coalesce(r.read_up_to, 0)
                          and t.author_party is distinct from (case when n.buyer_id = :org then 'BUYER' else 'SUPPLIER' end)
                        group by t.negotiation_id""")
                .param("user", actor.userId().value()).param("org", actor.organizationId().value()).param("ids", ids)
                .query((rs, n) -> unread.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return unread;
    }

    private NegotiationView view(Negotiation negotiation, NegotiationParty side, Locale locale) {
        Rfq rfq = rfqs.findById(negotiation.rfq().value()).orElseThrow();
        OrganizationSummary buyer = summary(negotiation.buyer());
        OrganizationSummary supplier = summary(negotiation.supplier());
        RfqView rfqView = new RfqView(rfq.id(), rfq.reference(), buyer, rfq.audience().name(), rfq.status().name(),
                json.rfq(rfq.termsJson()), rfq.createdAt(), attachments.ofRfq(rfq.id().value()));
        var diff = new TermSheetDiff(d -> messages.getMessage("trade-document." + d.name(), null, d.name(), locale));
        List<NegotiationView.OfferView> offerViews = new ArrayList<>();
        TermSheet previous = null;
        for (Offer offer : offers.of(negotiation.id().value())) {
            TermSheet terms = json.termSheet(offer.termsJson());
            List<TermChange> changes = previous == null ? List.of()
                    : diff.between(previous, terms, digits(previous), digits(terms));
            offerViews.add(new NegotiationView.OfferView(offer.number(), offer.madeBy(), offer.madeByName(),
                    offer.createdAt(), terms, changes));
            previous = terms;
        }
        Map<UUID, List<AttachmentView>> files = attachments.ofNegotiation(negotiation.id().value());
        List<NegotiationView.Event> events = timeline.of(negotiation.id().value()).stream()
                .map(e -> new NegotiationView.Event(e.seq(), e.kind().name(), e.authorParty(), e.authorName(),
                        e.body(), e.offerNumber(), e.createdAt(), files.getOrDefault(e.id(), List.of())))
                .toList();
        long lastSeq = events.isEmpty() ? 0 : events.getLast().seq();
        return new NegotiationView(negotiation.id(), rfqView, side, buyer, supplier, effectiveState(negotiation),
                negotiation.offerCount(), negotiation.acceptedOffer(), offerViews, events,
                negotiation.actionsFor(side, clock.instant()), lastSeq, negotiation.version());
    }

    /** The state as it is now, even if the expiry sweep has not run yet. */
    private trade.caravan.sourcing.NegotiationState effectiveState(Negotiation negotiation) {
        if (!negotiation.state().isFinal() && negotiation.actionsFor(NegotiationParty.BUYER, clock.instant()).isEmpty()
                && negotiation.actionsFor(NegotiationParty.SUPPLIER, clock.instant()).isEmpty()) {
            return trade.caravan.sourcing.NegotiationState.EXPIRED;
        }
        return negotiation.state();
    }

    int digits(TermSheet terms) {
        return currencies.minorUnits(terms.currency()).orElse(2);
    }

    private OrganizationSummary summary(OrganizationId id) {
        return directory.find(id).orElseThrow(() -> new IllegalStateException("Party " + id + " is gone"));
    }

    private String name(OrganizationId id) {
        return directory.find(id).map(OrganizationSummary::legalName).orElse("?");
    }

    private static void require(Actor actor, Permission permission) {
        if (!actor.can(permission)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "error.forbidden");
        }
    }
}
