package trade.caravan.reference;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CountryCode;

/**
 * What an Incoterms® 2020 rule means for one trade lane, for a buyer who is not a trade expert:
 * who pays and who bears the risk at each stage of the journey, notes and warnings about the rule,
 * and the documents usually needed. Every text is a message key of the {@code reference-guidance}
 * bundle. This is guidance, not legal advice: the rules themselves and the contract govern.
 *
 * @param rule the rule chosen
 * @param place for FCA, whether the named place is the seller's premises; the other rules ignore it
 * @param origin the country the goods are shipped from, if known
 * @param destination the country the goods are shipped to, if known
 * @param lane whether the lane crosses a border, stays in one country, or is not known
 * @param stages the stages of the journey in order; without the clearance stages on a domestic lane
 * @param warnings message keys of warnings against choosing this rule for common cases
 * @param notes message keys of notes that explain the rule or the lane
 * @param documents the documents usually needed, commercial invoice first
 */
public record Guidance(
        Incoterm rule,
        DeliveryPlace place,
        @Nullable CountryCode origin,
        @Nullable CountryCode destination,
        Lane lane,
        List<Allocation> stages,
        List<String> warnings,
        List<String> notes,
        List<UsualDocument> documents) {

    public Guidance {
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        documents = List.copyOf(documents);
    }

    /** The allocation for one stage, absent if the journey on this lane has no such stage. */
    public Optional<Allocation> stage(JourneyStage stage) {
        return stages.stream().filter(allocation -> allocation.stage() == stage).findFirst();
    }

    /** Whether any of the usual documents is, or may be, this one. */
    public boolean mentions(TradeDocument document) {
        return documents.stream().anyMatch(usual -> usual.oneOf().contains(document));
    }

    /** Which kind of lane the two countries make. */
    public enum Lane {
        /** Two different known countries: export and import clearance apply. */
        INTERNATIONAL,
        /** The same country at both ends: no customs clearance, no proof of origin. */
        DOMESTIC,
        /** A country is missing or not an ISO 3166-1 code: no lane-specific advice. */
        UNKNOWN
    }

    /**
     * Who pays for a stage and who bears the risk of loss of or damage to the goods during it.
     *
     * @param note message key of a qualification of this stage, or null
     */
    public record Allocation(JourneyStage stage, TradeParty cost, TradeParty risk, @Nullable String note) {
    }

    /**
     * A document usually needed, or a choice of documents of which one is needed (the transport
     * document of an any-mode rule depends on the mode), and why.
     *
     * @param oneOf the document, or the documents one of which is needed; never empty
     * @param reason message key of why it is needed
     */
    public record UsualDocument(List<TradeDocument> oneOf, String reason) {

        public UsualDocument {
            oneOf = List.copyOf(oneOf);
            if (oneOf.isEmpty()) {
                throw new IllegalArgumentException("A usual document names at least one document");
            }
        }

        public UsualDocument(TradeDocument document, String reason) {
            this(List.of(document), reason);
        }
    }
}
