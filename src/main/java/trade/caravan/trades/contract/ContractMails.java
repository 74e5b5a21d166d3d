package trade.caravan.trades.contract;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.MemberContact;
import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.accounts.Permission;
import trade.caravan.notifications.MailOutbox;
import trade.caravan.notifications.OutgoingMail;
import trade.caravan.platform.Links;
import trade.caravan.shared.OrganizationId;
import trade.caravan.trades.ContractSigned;

/**
 * Tells both organizations' traders and signers, in their language, that the contract is signed
 * by both, with the trade room's link where the final PDF waits, its SHA-256 and its place in the
 * transparency log. Through the publication registry, idempotent on the trade: a redelivery after
 * a crash finds the notice recorded and sends nothing.
 */
@Component
class ContractMails {

    private final JdbcClient jdbc;
    private final OrganizationDirectory directory;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final Links links;
    private final Clock clock;

    ContractMails(JdbcClient jdbc, OrganizationDirectory directory, MailOutbox outbox, MessageSource messages, Links links,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ContractSigned signed) {
        int inserted = jdbc.sql("insert into trades.signed_notices (trade_id, sent_at) values (?, ?) on conflict do nothing")
                .params(signed.trade().value(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return;
        }
        String buyer = directory.find(signed.buyer()).map(OrganizationSummary::legalName).orElse("?");
        String seller = directory.find(signed.supplier()).map(OrganizationSummary::legalName).orElse("?");
        String room = links.absolute("/trades/" + signed.trade().value());
        String verify = links.absolute("/verify");
        for (OrganizationId party : List.of(signed.buyer(), signed.supplier())) {
            var recipients = new java.util.LinkedHashMap<String, MemberContact>();
            for (Permission permission : List.of(Permission.TRADE, Permission.SIGN)) {
                directory.contacts(party, permission).forEach(contact -> recipients.putIfAbsent(contact.email(), contact));
            }
            for (MemberContact contact : recipients.values()) {
                String subject = messages.getMessage("mail.contract-signed.subject", new Object[] {signed.reference()},
                        contact.locale());
                String body = messages.getMessage("mail.contract-signed.body", new Object[] {contact.displayName(),
                        signed.reference(), buyer, seller, room, signed.sha256(), signed.logIndex(), verify}, contact.locale());
                outbox.enqueue(new OutgoingMail(contact.email(), subject, body, null, "contract-signed"));
            }
        }
    }
}
