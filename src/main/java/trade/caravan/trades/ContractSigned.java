package trade.caravan.trades;

import java.time.Instant;

import trade.caravan.shared.OrganizationId;

/**
 * Both organizations have signed the trade's contract: the final PDF (SHA-256 {@code sha256}) is
 * fixed and logged as issued in the transparency log at {@code logIndex}. Later stages (funding
 * the escrow) start from here.
 */
public record ContractSigned(TradeId trade, String reference, OrganizationId buyer, OrganizationId supplier,
        String sha256, long logIndex, Instant signedAt) {
}
