package trade.caravan.reference;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Who must insure the goods in transit under an Incoterms® 2020 rule, and with what minimum cover
 * (articles A5/B5). Institute Cargo Clauses (C) cover named major casualties only; (A) is "all risks"
 * subject to exclusions.
 */
public enum InsuranceDuty {
    /** No obligation on either party to insure the other (A5/B5 of every rule except CIF and CIP). */
    NONE(null, null),
    /** CIF A5: the seller insures at least to Institute Cargo Clauses (C), for 110 % of the contract price. */
    SELLER_INSTITUTE_CARGO_CLAUSES_C(TradeParty.SELLER, "ICC (C)"),
    /** CIP A5: the seller insures at least to Institute Cargo Clauses (A), for 110 % of the contract price. */
    SELLER_INSTITUTE_CARGO_CLAUSES_A(TradeParty.SELLER, "ICC (A)");

    private final @Nullable TradeParty party;
    private final @Nullable String minimumCover;

    InsuranceDuty(@Nullable TradeParty party, @Nullable String minimumCover) {
        this.party = party;
        this.minimumCover = minimumCover;
    }

    public Optional<TradeParty> party() {
        return Optional.ofNullable(party);
    }

    public Optional<String> minimumCover() {
        return Optional.ofNullable(minimumCover);
    }
}
