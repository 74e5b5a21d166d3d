package trade.caravan.trades.contract;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import trade.caravan.sourcing.NegotiationParty;
import trade.caravan.trades.TradeState;

/**
 * Where the contract's signing stands: who signed, with which certificate, when; whether the
 * reader's organization has signed; and the SHA-256 of the latest signed revision.
 */
public record ContractStatus(TradeState state, List<Signature> signatures, boolean signedByReader,
        @Nullable String currentSha256) {

    public ContractStatus {
        signatures = List.copyOf(signatures);
    }

    /** Both organizations have signed. */
    public boolean complete() {
        return state == TradeState.CONTRACT_SIGNED;
    }

    /** One party's signature: the person who signed, the certificate's subject and serial (hex), when. */
    public record Signature(NegotiationParty party, String signerName, String certificateSubject, String certificateSerial,
            Instant signedAt, String sha256) {
    }
}
