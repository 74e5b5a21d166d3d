package trade.caravan.trades.room;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.Currencies;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.GoverningLaw;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.sourcing.OfferAccepted;
import trade.caravan.sourcing.OfferLine;
import trade.caravan.sourcing.TermSheet;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.TradeState;

/**
 * Opens a trade for each accepted offer and shows it to its two organizations. Every read names
 * the caller's organization as the trade's buyer or supplier; for anyone else a trade does not
 * exist (404), as for a negotiation (ADR 11). Opening is idempotent on the negotiation, so the
 * redelivery of {@code OfferAccepted} after a crash opens nothing twice.
 */
@Service
public class TradeRoom {

    private final JdbcClient jdbc;
    private final OrganizationDirectory directory;
    private final Currencies currencies;
    private final Clock clock;

    TradeRoom(JdbcClient jdbc, OrganizationDirectory directory, Currencies currencies, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currencies = currencies;
        this.clock = clock;
    }

    /** The accepted offer becomes a trade whose contract is pending. */
    @ApplicationModuleListener
    void on(OfferAccepted accepted) {
        open(accepted);
    }

    @Transactional
    public TradeId open(OfferAccepted accepted) {
        TermSheet terms = accepted.terms();
        UUID id = UUID.randomUUID();
        long number = jdbc.sql("select nextval('trades.reference_numbers')").query(Long.class).single();
        String reference = "TRD-" + Year.now(clock.withZone(ZoneOffset.UTC)) + "-" + String.format("%06d", number);
        List<UUID> inserted = jdbc.sql("""
                        insert into trades.trades (id, reference, negotiation_id, rfq_reference, offer_number, buyer_id,
                            supplier_id, offered_by, state, currency, total_minor, incoterm, place, lead_time_days,
                            packaging, payment_terms, documents, notes, accepted_at, created_at, governing_law)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'CONTRACT_PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (negotiation_id) do nothing
                        returning id""")
                .params(id, reference, accepted.negotiation().value(), accepted.rfqReference(), accepted.offerNumber(),
                        accepted.buyer().value(), accepted.supplier().value(), accepted.offeredBy().name(),
                        terms.currency().value(), terms.totalMinor(), terms.incoterm().name(), terms.place().value(),
                        terms.leadTimeDays(), terms.packaging(), terms.paymentTerms().name(),
                        terms.documents().stream().map(Enum::name).sorted().toArray(String[]::new), terms.notes(),
                        Timestamp.from(accepted.acceptedAt()), Timestamp.from(clock.instant()),
                        accepted.governingLaw().name())
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
        if (inserted.isEmpty()) {
            return new TradeId(jdbc.sql("select id from trades.trades where negotiation_id = ?")
                    .param(accepted.negotiation().value()).query(UUID.class).single());
        }
        int lineNumber = 0;
        for (OfferLine line : terms.lines()) {
            jdbc.sql("""
                            insert into trades.lines (trade_id, line_number, description, hs_code, quantity, unit,
                                unit_price_minor, amount_minor) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++lineNumber, line.description(), line.hsCode().value(), line.quantity(),
                            line.unit().code(), line.unitPriceMinor(), line.amountMinor())
                    .update();
        }
        jdbc.sql("insert into trades.timeline (trade_id, kind, party, at) values (?, 'OPENED', ?, ?)")
                .params(id, opposite(accepted.offeredBy()).name(), Timestamp.from(accepted.acceptedAt())).update();
        return new TradeId(id);
    }

    /** The organization's trades, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<TradeSummary> list(Actor actor, @Nullable String cursor, int limit) {
        allowed(actor);
        UUID org = actor.organizationId().value();
        Cursor after = Cursor.decode(cursor, 2);
        List<Row> rows = jdbc.sql("""
                        select t.id, t.reference, t.rfq_reference, t.buyer_id, t.supplier_id, t.state, t.currency,
                               t.total_minor, t.created_at,
                               (select l.description from trades.lines l where l.trade_id = t.id and l.line_number = 1)
                        from trades.trades t
                        where (t.buyer_id = :org or t.supplier_id = :org)
                          and (cast(:at as timestamptz) is null or (t.created_at, t.id) < (cast(:at as timestamptz), :id))
                        order by t.created_at desc, t.id desc limit :limit""")
                .param("org", org)
                .param("at", after == null ? null : Timestamp.from(after.instantAt(0)))
                .param("id", after == null ? new UUID(0, 0) : after.uuidAt(1))
                .param("limit", limit + 1)
                .query(TradeRoom::row).list();
        // the counterparts' names in one query, not one per row
        var names = directory.findAll(rows.stream()
                .map(r -> new OrganizationId(r.buyer().equals(org) ? r.supplier() : r.buyer())).toList());
        return CursorPage.of(rows, limit, r -> Cursor.of(r.createdAt().toInstant().toString(), r.id().toString()))
                .map(r -> summary(r, actor.organizationId(), names));
    }

    /** The trade, if the caller's organization is one of its two. */
    @Transactional(readOnly = true)
    public TradeView find(Actor actor, TradeId id) {
        allowed(actor);
        UUID org = actor.organizationId().value();
        return jdbc.sql("""
                        select id, reference, rfq_reference, negotiation_id, offer_number, offered_by, buyer_id,
                               supplier_id, state, currency, total_minor, incoterm, place, lead_time_days, packaging,
                               payment_terms, documents, notes, accepted_at, governing_law
                        from trades.trades where id = :id and (buyer_id = :org or supplier_id = :org)""")
                .param("id", id.value()).param("org", org)
                .query((rs, n) -> view(rs, actor.organizationId()))
                .optional()
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "trades.not-found"));
    }

    private TradeView view(ResultSet rs, OrganizationId reader) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        OrganizationSummary buyer = organization(rs.getObject(7, UUID.class));
        OrganizationSummary supplier = organization(rs.getObject(8, UUID.class));
        NegotiationParty side = buyer.id().equals(reader) ? NegotiationParty.BUYER : NegotiationParty.SUPPLIER;
        Array documents = rs.getArray(17);
        List<TradeView.Line> lines = jdbc.sql("""
                        select line_number, description, hs_code, quantity, unit, unit_price_minor, amount_minor
                        from trades.lines where trade_id = ? order by line_number""")
                .param(id)
                .query((l, n) -> new TradeView.Line(l.getInt(1), l.getString(2), l.getString(3), l.getBigDecimal(4),
                        l.getString(5), l.getLong(6), l.getLong(7)))
                .list();
        List<TradeView.Event> timeline = jdbc.sql("select seq, kind, party, at from trades.timeline where trade_id = ? order by seq")
                .param(id)
                .query((e, n) -> new TradeView.Event(e.getLong(1), e.getString(2),
                        e.getString(3) == null ? null : NegotiationParty.valueOf(e.getString(3)),
                        e.getTimestamp(4).toInstant()))
                .list();
        return new TradeView(new TradeId(id), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getInt(5), NegotiationParty.valueOf(rs.getString(6)), buyer, supplier, side,
                TradeState.valueOf(rs.getString(9)), rs.getString(10), digits(rs.getString(10)), rs.getLong(11),
                rs.getString(12),
                rs.getString(13), rs.getInt(14), rs.getString(15), rs.getString(16),
                Arrays.asList((String[]) documents.getArray()), rs.getString(18), rs.getTimestamp(19).toInstant(),
                GoverningLaw.valueOf(rs.getString(20)), lines, timeline);
    }

    private record Row(UUID id, String reference, String rfqReference, UUID buyer, UUID supplier, String state,
            String currency, long totalMinor, Timestamp createdAt, @Nullable String title) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getTimestamp(9),
                rs.getString(10));
    }

    private TradeSummary summary(Row row, OrganizationId reader, java.util.Map<OrganizationId, OrganizationSummary> names) {
        boolean buying = row.buyer().equals(reader.value());
        UUID other = buying ? row.supplier() : row.buyer();
        OrganizationSummary counterpart = names.get(new OrganizationId(other));
        if (counterpart == null) {
            counterpart = organization(other);
        }
        return new TradeSummary(new TradeId(row.id()), row.reference(), row.title() == null ? row.rfqReference() : row.title(),
                counterpart.legalName(), buying ? NegotiationParty.BUYER : NegotiationParty.SUPPLIER,
                TradeState.valueOf(row.state()), row.currency(), digits(row.currency()), row.totalMinor(),
                row.createdAt().toInstant());
    }

    private int digits(String currency) {
        return currencies.minorUnits(CurrencyCode.of(currency)).orElse(2);
    }

    private OrganizationSummary organization(UUID id) {
        return directory.find(new OrganizationId(id)).orElseThrow(
                () -> new IllegalStateException("A trade names an organization that does not exist: " + id));
    }

    private static void allowed(Actor actor) {
        if (!actor.can(Permission.ORGANIZATION_VIEW)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "trades.not-found");
        }
    }

    private static NegotiationParty opposite(NegotiationParty party) {
        return party == NegotiationParty.BUYER ? NegotiationParty.SUPPLIER : NegotiationParty.BUYER;
    }
}
