package trade.caravan.trades.contract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.Actor;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.SigningAuthority;
import trade.caravan.accounts.SecondFactor;
import trade.caravan.documents.DocumentSigning;
import trade.caravan.documents.DocumentStatus;
import trade.caravan.documents.LogLeaf;
import trade.caravan.documents.Merkle;
import trade.caravan.documents.TransparencyLog;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.UserId;
import trade.caravan.sourcing.LiveSignals;
import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.trades.ContractSigned;
import trade.caravan.trades.TradeId;
import trade.caravan.trades.TradeState;
import trade.caravan.trades.room.TradeRoom;
import trade.caravan.trades.room.TradeView;

/**
 * Both organizations sign the trade's contract, one after the other, each as PAdES B-LT in the
 * same PDF. The first signature fixes the rendering (revision 0, stored); each signature is a new
 * stored revision with its SHA-256, never changed. Signing needs {@code documents:sign}, a person
 * (not an API token) and their second factor given again. When the second party signs, the trade
 * moves to {@link TradeState#CONTRACT_SIGNED}, the final PDF is logged as issued in the
 * transparency log, and {@link ContractSigned} is published, all in one transaction. The trade
 * row is locked throughout, so two signers at once sign one after the other, never the same
 * revision twice.
 */
@Service
public class ContractSigning {

    static final String DOCUMENT_TYPE = "SALES_CONTRACT";
    private static final HexFormat HEX = HexFormat.of();

    private final TradeRoom room;
    private final Contracts contracts;
    private final DocumentSigning signing;
    private final SecondFactor secondFactor;
    private final TransparencyLog log;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LiveSignals live;
    private final SigningAuthority authority;
    private final Clock clock;

    ContractSigning(TradeRoom room, Contracts contracts, DocumentSigning signing, SecondFactor secondFactor,
            TransparencyLog log, JdbcClient jdbc, ApplicationEventPublisher events, LiveSignals live, SigningAuthority authority,
            Clock clock) {
        this.authority = authority;
        this.live = live;
        this.room = room;
        this.contracts = contracts;
        this.signing = signing;
        this.secondFactor = secondFactor;
        this.log = log;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Signs the trade's contract for the caller's organization; returns the signatures so far. */
    @Transactional
    public ContractStatus sign(Actor actor, TradeId id, String secondFactorCode) {
        if (!authority.maySign(actor)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "contract.sign.not-allowed");
        }
        TradeView trade = room.find(actor, id);
        UserId person = actor.userId();
        if (person == null) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "contract.sign.person-only");
        }
        if (!secondFactor.enrolled(person)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "contract.sign.second-factor-missing");
        }
        if (!secondFactor.confirm(person, secondFactorCode)) {
            throw new DomainException(DomainException.Kind.INVALID, "contract.sign.code-wrong");
        }
        TradeState state = jdbc.sql("select state from trades.trades where id = ? for update")
                .param(id.value()).query((rs, n) -> TradeState.valueOf(rs.getString(1))).single();
        if (state != TradeState.CONTRACT_PENDING) {
            throw new DomainException(DomainException.Kind.CONFLICT, "contract.sign.not-pending");
        }
        if (signatures(id).stream().anyMatch(s -> s.party() == trade.side())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "contract.sign.already-signed");
        }
        Instant now = clock.instant();
        Revision latest = latest(id).orElseGet(() -> fix(trade, now));
        OrganizationSummary us = trade.side() == NegotiationParty.BUYER ? trade.buyer() : trade.supplier();
        DocumentSigning.Signed signed = signing.sign(latest.pdf(),
                new DocumentSigning.Signatory(us.id(), us.legalName(), us.country()),
                "Sales contract " + trade.reference() + ", signed as the "
                        + (trade.side() == NegotiationParty.BUYER ? "buyer" : "seller"));
        int revision = latest.number() + 1;
        jdbc.sql("""
                        insert into trades.contract_revisions (trade_id, revision, party, pdf, sha256, signed_by, signer_name,
                            certificate_subject, certificate_issuer, certificate_serial, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), revision, trade.side().name(), signed.pdf(), signed.sha256(), person.value(),
                        actor.displayName(), signed.subject(), signed.issuer(), signed.serial().toString(16),
                        Timestamp.from(now))
                .update();
        long seq = timeline(id, "SIGNED", trade.side(), now);
        String kind = "SIGNED";
        if (revision == 2) {
            jdbc.sql("update trades.trades set state = 'CONTRACT_SIGNED' where id = ?").param(id.value()).update();
            seq = timeline(id, "CONTRACT_SIGNED", null, now);
            kind = "CONTRACT_SIGNED";
            // the seller issues the contract of sale; the leaf names it, the trade and the final hash only
            TransparencyLog.Appended logged = log.append(new LogLeaf(signed.sha256(), DOCUMENT_TYPE,
                    DocumentStatus.ISSUED, trade.supplier().id(), id.value(), now, null));
            events.publishEvent(new ContractSigned(id, trade.reference(), trade.buyer().id(), trade.supplier().id(),
                    HEX.formatHex(signed.sha256()), logged.leaf().index(), now));
        }
        // both organizations' open trade rooms re-read the room once this commits
        live.changed("trade", id.value(), seq, kind, Set.of(trade.buyer().id(), trade.supplier().id()));
        return status(id, trade.side(), revision == 2 ? TradeState.CONTRACT_SIGNED : TradeState.CONTRACT_PENDING);
    }

    /** The signatures of the trade's contract so far, and whether the caller may sign now. */
    @Transactional(readOnly = true)
    public ContractStatus status(Actor actor, TradeId id) {
        return status(room.find(actor, id));
    }

    /** The same for a trade the caller has already read (the trade room). */
    ContractStatus status(TradeView trade) {
        return status(trade.id(), trade.side(), trade.state());
    }

    /** The latest fixed revision of the contract (signed once or twice), if signing has begun. */
    @Transactional(readOnly = true)
    public Optional<Contracts.Rendered> latest(Actor actor, TradeId id) {
        TradeView trade = room.find(actor, id);
        Optional<Revision> latest = latest(id);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Revision last = latest.get();
        String suffix = last.number() == 2 ? "-signed" : "-signed-by-" + (last.party() == NegotiationParty.BUYER ? "buyer" : "seller");
        return Optional.of(new Contracts.Rendered("contract-" + trade.reference() + suffix + ".pdf", last.pdf()));
    }

    private ContractStatus status(TradeId id, NegotiationParty reader, TradeState state) {
        List<ContractStatus.Signature> signatures = signatures(id);
        boolean signedByReader = signatures.stream().anyMatch(s -> s.party() == reader);
        String current = signatures.isEmpty() ? null : signatures.getLast().sha256();
        return new ContractStatus(state, signatures, signedByReader, current);
    }

    private List<ContractStatus.Signature> signatures(TradeId id) {
        return jdbc.sql("""
                        select party, signer_name, certificate_subject, certificate_serial, created_at, sha256
                        from trades.contract_revisions where trade_id = ? and revision > 0 order by revision""")
                .param(id.value())
                .query((rs, n) -> new ContractStatus.Signature(NegotiationParty.valueOf(rs.getString(1)),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        HEX.formatHex(rs.getBytes(6))))
                .list();
    }

    /** Renders the contract once and stores it as revision 0: what both parties sign. */
    private Revision fix(TradeView trade, Instant now) {
        byte[] pdf = contracts.render(trade).pdf();
        jdbc.sql("insert into trades.contract_revisions (trade_id, revision, pdf, sha256, created_at) values (?, 0, ?, ?, ?)")
                .params(trade.id().value(), pdf, Merkle.documentHash(pdf), Timestamp.from(now)).update();
        return new Revision(0, null, pdf);
    }

    /** The newest revision with its file (a revision's PDF is read only where it is needed). */
    private Optional<Revision> latest(TradeId id) {
        return jdbc.sql("select revision, party, pdf from trades.contract_revisions where trade_id = ? order by revision desc limit 1")
                .param(id.value()).query(ContractSigning::revision).optional();
    }

    private static Revision revision(ResultSet rs, int n) throws SQLException {
        String party = rs.getString(2);
        return new Revision(rs.getInt(1), party == null ? null : NegotiationParty.valueOf(party), rs.getBytes(3));
    }

    private long timeline(TradeId id, String kind, @Nullable NegotiationParty party, Instant at) {
        return jdbc.sql("insert into trades.timeline (trade_id, kind, party, at) values (?, ?, ?, ?) returning seq")
                .params(id.value(), kind, party == null ? null : party.name(), Timestamp.from(at))
                .query(Long.class).single();
    }

    private record Revision(int number, @Nullable NegotiationParty party, byte[] pdf) {
    }
}
