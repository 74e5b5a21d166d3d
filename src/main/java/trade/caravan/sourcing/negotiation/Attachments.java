package trade.caravan.sourcing.negotiation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import trade.caravan.catalog.ScreenedFile;
import trade.caravan.shared.OrganizationId;

/**
 * Files of RFQs and messages, kept in PostgreSQL beside the rows they belong to. Who may read one
 * is decided by the negotiation or RFQ it belongs to, never by the file itself.
 */
@Component
class Attachments {

    /** A stored file and the rows that decide who may read it. */
    record Stored(AttachmentView view, @Nullable UUID rfqId, @Nullable UUID negotiationId) {
    }

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AttachmentView store(UUID id, @Nullable UUID rfq, @Nullable UUID negotiation, @Nullable UUID timelineEntry,
            OrganizationId owner, ScreenedFile file, Instant now) {
        jdbc.sql("""
                        insert into sourcing.attachments (id, rfq_id, negotiation_id, timeline_id, owner_id, file_name,
                            content_type, size_bytes, sha256, content, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, rfq, negotiation, timelineEntry, owner.value(), file.fileName(), file.contentType(),
                        (long) file.bytes().length, file.sha256(), file.bytes(), Timestamp.from(now))
                .update();
        return new AttachmentView(id, file.fileName(), file.contentType(), file.bytes().length);
    }

    List<AttachmentView> ofRfq(UUID rfq) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes from sourcing.attachments
                        where rfq_id = ? and negotiation_id is null order by created_at, id""")
                .param(rfq).query((rs, n) -> new AttachmentView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getLong(4))).list();
    }

    /** Files of a negotiation's messages, by timeline entry. */
    java.util.Map<UUID, List<AttachmentView>> ofNegotiation(UUID negotiation) {
        var byEntry = new java.util.LinkedHashMap<UUID, List<AttachmentView>>();
        jdbc.sql("""
                        select timeline_id, id, file_name, content_type, size_bytes from sourcing.attachments
                        where negotiation_id = ? order by created_at, id""")
                .param(negotiation).query((rs, n) -> {
                    byEntry.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(new AttachmentView(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                    rs.getLong(5)));
                    return null;
                }).list();
        return byEntry;
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, rfq_id, negotiation_id
                        from sourcing.attachments where id = ?""")
                .param(id).query((rs, n) -> new Stored(new AttachmentView(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getLong(4)), rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class))).optional();
    }

    byte[] content(UUID id) {
        return jdbc.sql("select content from sourcing.attachments where id = ?").param(id).query(byte[].class).single();
    }
}
