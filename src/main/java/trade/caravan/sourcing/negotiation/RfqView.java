package trade.caravan.sourcing.negotiation;

import java.time.Instant;
import java.util.List;

import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.sourcing.RfqId;
import trade.caravan.sourcing.RfqTerms;

/** A request for quotation as its buyer and the suppliers asked may see it. */
public record RfqView(RfqId id, String reference, OrganizationSummary buyer, String audience, String status,
        RfqTerms terms, Instant createdAt, List<AttachmentView> attachments) {
}
