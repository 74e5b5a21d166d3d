package trade.caravan.sourcing.negotiation;

import java.util.UUID;

/** A file attached to an RFQ or to a message (its bytes are fetched separately, by the two parties only). */
public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes) {
}
