package trade.caravan.sourcing.negotiation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import trade.caravan.accounts.MemberContact;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.notifications.MailOutbox;
import trade.caravan.notifications.OutgoingMail;
import trade.caravan.platform.Links;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;
import trade.caravan.sourcing.OfferAccepted;

/**
 * E-mail about negotiations: a digest for people who were not online when something arrived
 * (one mail per person per run, listing each negotiation and how many new entries it has), and a
 * notice to both parties when an offer is accepted. Both are written in the recipient's language
 * and queued in the outbox inside their own transaction.
 */
@Component
class SourcingMails {

    private static final Logger log = LoggerFactory.getLogger(SourcingMails.class);

    private final JdbcClient jdbc;
    private final OrganizationDirectory directory;
    private final Presence presence;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final Links links;
    private final Tenancy tenancy;
    private final SourcingSettings settings;
    private final Clock clock;

    SourcingMails(JdbcClient jdbc, OrganizationDirectory directory, Presence presence, MailOutbox outbox,
            MessageSource messages, Links links, Tenancy tenancy, SourcingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.presence = presence;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.tenancy = tenancy;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Tells both organizations' traders that the offer was accepted. Idempotent on the
     * negotiation: a redelivery after a crash finds the notice already recorded and sends nothing.
     */
    @ApplicationModuleListener
    void on(OfferAccepted accepted) {
        int inserted = jdbc.sql("""
                        insert into sourcing.acceptance_notices (negotiation_id, sent_at) values (?, ?)
                        on conflict do nothing""")
                .params(accepted.negotiation().value(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return;
        }
        String buyer = directory.find(accepted.buyer()).map(OrganizationSummary::legalName).orElse("?");
        String supplier = directory.find(accepted.supplier()).map(OrganizationSummary::legalName).orElse("?");
        String link = links.absolute("/sourcing/negotiations/" + accepted.negotiation());
        for (OrganizationId party : List.of(accepted.buyer(), accepted.supplier())) {
            for (MemberContact contact : directory.contacts(party, Permission.TRADE)) {
                String subject = messages.getMessage("mail.offer-accepted.subject",
                        new Object[] {accepted.rfqReference(), accepted.offerNumber()}, contact.locale());
                String body = messages.getMessage("mail.offer-accepted.body", new Object[] {contact.displayName(),
                        accepted.rfqReference(), accepted.offerNumber(), buyer, supplier, link}, contact.locale());
                outbox.enqueue(new OutgoingMail(contact.email(), subject, body, null, "offer-accepted"));
            }
        }
    }

    @Scheduled(fixedDelayString = "${caravan.sourcing.digest-interval:PT5M}",
            initialDelayString = "${caravan.sourcing.digest-interval:PT5M}")
    void digest() {
        int sent = tenancy.callAsSystem(this::sendDigests);
        if (sent > 0) {
            log.info("Sent {} negotiation digests to people who were not online", sent);
        }
    }

    /** One run of the digest: entries up to {@code digest-delay} ago that their readers have not seen. */
    @Transactional
    int sendDigests() {
        long from = jdbc.sql("select up_to from sourcing.digest_watermark where id = 1 for update")
                .query(Long.class).single();
        Instant cutoff = clock.instant().minus(settings.digestDelay());
        long upTo = jdbc.sql("select coalesce(max(seq), ?) from sourcing.timeline where seq > ? and created_at <= ?")
                .params(from, from, Timestamp.from(cutoff)).query(Long.class).single();
        if (upTo <= from) {
            return 0;
        }
        record Entry(long seq, UUID negotiation, UUID buyer, UUID supplier, String author, String title,
                String reference) {
        }
        List<Entry> entries = jdbc.sql("""
                        select t.seq, t.negotiation_id, n.buyer_id, n.supplier_id, coalesce(t.author_party, ''),
                               r.title, r.reference
                        from sourcing.timeline t join sourcing.negotiations n on n.id = t.negotiation_id
                        join sourcing.rfqs r on r.id = n.rfq_id
                        where t.seq > ? and t.seq <= ? order by t.seq""")
                .params(from, upTo)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        Map<OrganizationId, List<MemberContact>> contacts = new HashMap<>();
        Map<MemberContact, Map<UUID, Integer>> unseen = new LinkedHashMap<>();
        Map<UUID, String> labels = new HashMap<>();
        for (Entry entry : entries) {
            labels.put(entry.negotiation(), entry.reference() + " — " + entry.title());
            var readers = new ArrayList<OrganizationId>();
            if (!"BUYER".equals(entry.author())) {
                readers.add(new OrganizationId(entry.buyer()));
            }
            if (!"SUPPLIER".equals(entry.author())) {
                readers.add(new OrganizationId(entry.supplier()));
            }
            for (OrganizationId reader : readers) {
                for (MemberContact contact : contacts.computeIfAbsent(reader,
                        org -> directory.contacts(org, Permission.TRADE))) {
                    if (!presence.isOnline(contact.userId()) && !hasRead(contact, entry.negotiation(), entry.seq())) {
                        unseen.computeIfAbsent(contact, c -> new LinkedHashMap<>())
                                .merge(entry.negotiation(), 1, Integer::sum);
                    }
                }
            }
        }
        unseen.forEach((contact, counts) -> {
            var lines = new StringBuilder();
            counts.forEach((negotiation, count) -> lines.append("• ").append(labels.get(negotiation)).append(": ")
                    .append(messages.getMessage("mail.negotiation-digest.count", new Object[] {count}, contact.locale()))
                    .append("\n  ").append(links.absolute("/sourcing/negotiations/" + negotiation)).append("\n"));
            String subject = messages.getMessage("mail.negotiation-digest.subject", new Object[] {counts.size()},
                    contact.locale());
            String body = messages.getMessage("mail.negotiation-digest.body",
                    new Object[] {contact.displayName(), lines.toString()}, contact.locale());
            outbox.enqueue(new OutgoingMail(contact.email(), subject, body, null, "negotiation-digest"));
        });
        jdbc.sql("update sourcing.digest_watermark set up_to = ? where id = 1").param(upTo).update();
        return unseen.size();
    }

    private boolean hasRead(MemberContact contact, UUID negotiation, long seq) {
        return jdbc.sql("select count(*) from sourcing.read_marks where user_id = ? and negotiation_id = ? and read_up_to >= ?")
                .params(contact.userId().value(), negotiation, seq).query(Long.class).single() > 0;
    }
}
