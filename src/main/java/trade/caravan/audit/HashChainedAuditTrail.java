package trade.caravan.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;

/**
 * The audit trail in PostgreSQL (docs/adr/0006-audit-hash-chain.md). Appends are serialized by a
 * transaction-scoped advisory lock: the appender reads the head only once it holds the lock, and
 * the lock is released when its transaction ends, so two appends can never chain onto the same
 * entry, and a rolled-back append leaves neither an entry nor a gap.
 */
@Service
class HashChainedAuditTrail implements AuditTrail {

    /** Key of the advisory lock that serializes appends ("caravan" + 1 in ASCII). */
    static final long APPEND_LOCK = 0x63617261_76616e01L;

    static final int MAX_TEXT = 500;
    static final int MAX_IP_ADDRESS = 64;
    static final int MAX_DETAILS = 20;
    private static final Pattern DETAIL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
    };
    private static final int VERIFY_FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final AuditEntries entries;
    private final Tenancy tenancy;
    private final JsonMapper json;
    private final Clock clock;

    HashChainedAuditTrail(JdbcClient jdbc, AuditEntries entries, Tenancy tenancy, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.entries = entries;
        this.tenancy = tenancy;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(AuditEvent event) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query((RowCallbackHandler) row -> {
        });
        Head head = jdbc.sql("select sequence, hash from audit.head")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("audit.head has no row: the trail was tampered with"));

        var fields = new ChainedFields(head.sequence() + 1,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                event.action().name(),
                event.organization() == null ? null : event.organization().value(),
                event.actor() == null ? null : event.actor().value(),
                text(event.actorLabel(), MAX_TEXT),
                text(event.subject(), MAX_TEXT),
                details(event.details()),
                text(event.ipAddress(), MAX_IP_ADDRESS));
        String hash = ChainHash.of(head.hash(), fields);

        jdbc.sql("""
                insert into audit.entries (sequence, occurred_at, action, organization_id, actor_id, actor_label,
                                           subject, details, ip_address, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(fields.sequence(), OffsetDateTime.ofInstant(fields.occurredAt(), ZoneOffset.UTC),
                        fields.action(), fields.organization(), fields.actor(), fields.actorLabel(),
                        fields.subject(), json.writeValueAsString(fields.details()), fields.ipAddress(),
                        head.hash(), hash)
                .update();
        jdbc.sql("update audit.head set sequence = ?, hash = ? where sequence = ?")
                .params(fields.sequence(), hash, head.sequence())
                .update();
        return entry(fields, head.hash(), hash);
    }

    @Override
    @Transactional(readOnly = true)
    public CursorPage<AuditEntry> entriesOfCurrentOrganization(@Nullable String cursor, int limit) {
        int pageSize = CursorPage.limit(limit);
        Cursor after = Cursor.decode(cursor, 1);
        if (tenancy.currentOrganization().isEmpty()) {
            // no tenant (anonymous) or the system: an organization's log is shown to that organization only
            return new CursorPage<>(List.of(), null);
        }
        long before = after == null ? Long.MAX_VALUE : after.longAt(0);
        List<StoredAuditEntry> rows = entries.findOlderThan(before, Limit.of(pageSize + 1));
        return CursorPage.of(rows, pageSize, row -> Cursor.of(Long.toString(row.sequence())))
                .map(this::entry);
    }

    /**
     * Repeatable read: the head and every entry come from one snapshot, so appends running
     * meanwhile are neither half-seen nor mistaken for a break.
     */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainVerification verify() {
        return walk().verification();
    }

    /** {@link #verify()} with the head it was checked against, for the operator's log and endpoint. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ChainReport walk() {
        Head head = jdbc.sql("select sequence, hash from audit.head")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(null);
        var walk = new ChainWalk();
        try (Stream<ChainedEntry> chain = jdbc.sql("""
                        select sequence, occurred_at, action, organization_id, actor_id, actor_label, subject,
                               details::text, ip_address, previous_hash, hash
                        from audit.entries order by sequence""")
                .withFetchSize(VERIFY_FETCH_SIZE)
                .query((rs, n) -> new ChainedEntry(new ChainedFields(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        rs.getString(7),
                        storedDetails(rs.getString(8)),
                        rs.getString(9)), rs.getString(10), rs.getString(11)))
                .stream()) {
            Iterator<ChainedEntry> rows = chain.iterator();
            boolean intact = true;
            while (intact && rows.hasNext()) {
                intact = walk.accept(rows.next());
            }
        }
        if (head == null) {
            return new ChainReport(new ChainVerification(0, 1L,
                    "the head of the chain is missing (audit.head was emptied)"), 0, ChainHash.GENESIS);
        }
        return new ChainReport(walk.finish(head.sequence(), head.hash()), head.sequence(), head.hash());
    }

    private AuditEntry entry(StoredAuditEntry row) {
        return new AuditEntry(row.sequence(), row.occurredAt(), AuditAction.valueOf(row.action()),
                row.organizationId() == null ? null : new OrganizationId(row.organizationId()),
                row.actorId() == null ? null : new UserId(row.actorId()),
                row.actorLabel(), row.subject(), storedDetails(row.details()), row.ipAddress(),
                row.previousHash(), row.hash());
    }

    private static AuditEntry entry(ChainedFields fields, String previousHash, String hash) {
        return new AuditEntry(fields.sequence(), fields.occurredAt(), AuditAction.valueOf(fields.action()),
                fields.organization() == null ? null : new OrganizationId(fields.organization()),
                fields.actor() == null ? null : new UserId(fields.actor()),
                fields.actorLabel(), fields.subject(), fields.details(), fields.ipAddress(), previousHash, hash);
    }

    /**
     * Details as stored. The trail writes string values only, and never a NUL (see {@link #text});
     * any other value was put there by someone else and is read as NUL followed by its JSON text,
     * which cannot hash like anything the trail wrote, so verification fails at that entry.
     */
    private Map<String, String> storedDetails(@Nullable String stored) {
        if (stored == null) {
            return Map.of();
        }
        Map<String, String> details = new LinkedHashMap<>();
        json.readValue(stored, DETAILS).forEach((key, value) ->
                details.put(key, value instanceof String text ? text : "\u0000" + json.writeValueAsString(value)));
        return details;
    }

    private static Map<String, String> details(Map<String, String> details) {
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("An audit event carries at most " + MAX_DETAILS + " details");
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        details.forEach((key, value) -> {
            if (!DETAIL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Not a detail key: " + key);
            }
            cleaned.put(key, text(value, MAX_TEXT));
        });
        return cleaned;
    }

    /**
     * Text as PostgreSQL will store it and hand it back, so the hash computed now matches the one
     * recomputed at verification: valid UTF-8 (a lone surrogate becomes "?"), no NUL (which
     * PostgreSQL text and jsonb refuse; it becomes U+FFFD), at most {@code max} code points.
     * Labels and subjects may be typed by an attacker (a sign-in e-mail), so they are cut, not refused.
     */
    static @Nullable String text(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String wellFormed = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .replace('\u0000', '\uFFFD');
        return wellFormed.codePointCount(0, wellFormed.length()) <= max
                ? wellFormed
                : wellFormed.substring(0, wellFormed.offsetByCodePoints(0, max));
    }


    private record Head(long sequence, String hash) {
    }
}
