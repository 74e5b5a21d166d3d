package trade.caravan.reference;

import static trade.caravan.reference.JourneyStage.CARRIAGE_TO_BUYERS_PREMISES;
import static trade.caravan.reference.JourneyStage.CARRIAGE_TO_PLACE_OF_SHIPMENT;
import static trade.caravan.reference.JourneyStage.EXPORT_CLEARANCE;
import static trade.caravan.reference.JourneyStage.EXPORT_PACKAGING;
import static trade.caravan.reference.JourneyStage.IMPORT_CLEARANCE;
import static trade.caravan.reference.JourneyStage.INSURANCE;
import static trade.caravan.reference.JourneyStage.LOADING_AT_SELLERS_PREMISES;
import static trade.caravan.reference.JourneyStage.LOADING_ON_MAIN_CARRIAGE;
import static trade.caravan.reference.JourneyStage.MAIN_CARRIAGE;
import static trade.caravan.reference.JourneyStage.UNLOADING_AT_DESTINATION;
import static trade.caravan.reference.TradeParty.BUYER;
import static trade.caravan.reference.TradeParty.SELLER;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import trade.caravan.reference.Guidance.Allocation;
import trade.caravan.reference.Guidance.Lane;
import trade.caravan.reference.Guidance.UsualDocument;
import trade.caravan.shared.CountryCode;

/**
 * Explains an Incoterms® 2020 rule stage by stage for one trade lane, from the columns of
 * {@link Incoterm}: the delivery point (A2/A3) splits the journey into the seller's risk and the
 * buyer's; the carriage (A4/B4), insurance (A5/B5) and clearance (A7/B7) columns say who pays for
 * those stages; the allocation of costs (A9/B9) settles loading and unloading. The documents are
 * the ones every rule or the lane itself calls for; goods-specific certificates (phytosanitary,
 * health, inspection) depend on the goods and are only mentioned, never decided here.
 */
@Service
public class IncotermGuidance {

    static final String PREFIX = "reference.guidance.";

    private final Predicate<CountryCode> knownCountry;

    @Autowired
    IncotermGuidance(Countries countries) {
        this(countries::exists);
    }

    IncotermGuidance(Predicate<CountryCode> knownCountry) {
        this.knownCountry = knownCountry;
    }

    /** The guidance for a rule, with an FCA named place taken to be the seller's premises (the usual case). */
    public Guidance guide(Incoterm rule, @Nullable CountryCode origin, @Nullable CountryCode destination) {
        return guide(rule, DeliveryPlace.SELLERS_PREMISES, origin, destination);
    }

    /**
     * The guidance for a rule on a lane; {@code place} matters for FCA only. Missing or unknown
     * countries give the guidance without lane-specific documents.
     */
    public Guidance guide(Incoterm rule, DeliveryPlace place, @Nullable CountryCode origin,
            @Nullable CountryCode destination) {
        Lane lane = lane(origin, destination);
        JourneyStage deliveredAt = deliveredAt(rule, place);
        List<Allocation> stages = new ArrayList<>();
        for (JourneyStage stage : JourneyStage.values()) {
            if (lane == Lane.DOMESTIC && (stage == EXPORT_CLEARANCE || stage == IMPORT_CLEARANCE)) {
                continue;
            }
            // A3/B3: the seller bears the risk until the goods are delivered (A2), the buyer from then on
            TradeParty risk = stage.ordinal() <= deliveredAt.ordinal() ? SELLER : BUYER;
            stages.add(new Allocation(stage, cost(rule, place, stage, risk), risk, stageNote(rule, place, stage)));
        }
        return new Guidance(rule, place, origin, destination, lane, stages, warnings(rule), notes(rule, place, lane),
                documents(rule, lane));
    }

    private Lane lane(@Nullable CountryCode origin, @Nullable CountryCode destination) {
        if (origin == null || destination == null || !knownCountry.test(origin) || !knownCountry.test(destination)) {
            return Lane.UNKNOWN;
        }
        return origin.equals(destination) ? Lane.DOMESTIC : Lane.INTERNATIONAL;
    }

    /** The last stage at the seller's risk: where the seller delivers under A2. */
    private static JourneyStage deliveredAt(Incoterm rule, DeliveryPlace place) {
        return switch (rule.delivery()) {
            // EXW A2: placed at the buyer's disposal, not loaded
            case AT_BUYERS_DISPOSAL_AT_NAMED_PLACE -> EXPORT_PACKAGING;
            // FCA A2(a): loaded on the buyer's vehicle at the seller's premises; A2(b): elsewhere, on the
            // seller's vehicle ready for unloading at the named place
            case TO_BUYERS_CARRIER -> place == DeliveryPlace.SELLERS_PREMISES
                    ? LOADING_AT_SELLERS_PREMISES : CARRIAGE_TO_PLACE_OF_SHIPMENT;
            // CPT, CIP A2: handed to the carrier the seller contracted with, at the place of shipment unless
            // the parties agree on an earlier point (the stage note says so)
            case TO_SELLERS_CARRIER -> CARRIAGE_TO_PLACE_OF_SHIPMENT;
            // FAS A2: alongside the ship, export-cleared by the seller (A7)
            case ALONGSIDE_SHIP -> EXPORT_CLEARANCE;
            // FOB, CFR, CIF A2: on board the vessel
            case ON_BOARD_VESSEL -> LOADING_ON_MAIN_CARRIAGE;
            // DAP, DDP A2: on the arriving vehicle, ready for unloading
            case READY_FOR_UNLOADING_AT_DESTINATION -> IMPORT_CLEARANCE;
            // DPU A2: unloaded at the named place
            case UNLOADED_AT_DESTINATION -> UNLOADING_AT_DESTINATION;
        };
    }

    private static TradeParty cost(Incoterm rule, DeliveryPlace place, JourneyStage stage, TradeParty risk) {
        return switch (stage) {
            // A8: the seller packages and marks the goods at its own cost under every rule
            case EXPORT_PACKAGING -> SELLER;
            // EXW A2 and B9: not loaded by the seller; loading is the buyer's cost
            case LOADING_AT_SELLERS_PREMISES ->
                    rule.delivery() == DeliveryPoint.AT_BUYERS_DISPOSAL_AT_NAMED_PLACE ? BUYER : SELLER;
            // A9/B9: the seller pays until delivery; after an EXW or FCA-at-premises delivery the buyer's carrier
            // takes the goods on, and under every other rule the seller brings them to the place of shipment
            case CARRIAGE_TO_PLACE_OF_SHIPMENT -> switch (rule.delivery()) {
                case AT_BUYERS_DISPOSAL_AT_NAMED_PLACE -> BUYER;
                case TO_BUYERS_CARRIER -> place == DeliveryPlace.SELLERS_PREMISES ? BUYER : SELLER;
                default -> SELLER;
            };
            case EXPORT_CLEARANCE -> rule.exportClearance();
            // FOB A9: costs until on board; C and D rules A4/A9: loading is part of the seller's carriage;
            // EXW, FCA, FAS B9: the buyer pays from delivery on
            case LOADING_ON_MAIN_CARRIAGE ->
                    rule.mainCarriage() == SELLER || rule.delivery() == DeliveryPoint.ON_BOARD_VESSEL ? SELLER : BUYER;
            case MAIN_CARRIAGE -> rule.mainCarriage();
            // A5/B5: the seller must insure under CIF and CIP; otherwise whoever bears the risk insures if it wishes
            case INSURANCE -> rule.insurance().party().orElse(risk);
            case IMPORT_CLEARANCE -> rule.importClearance();
            // DPU A2/A9: the seller unloads; B9 of every other rule: the buyer, unless the seller's contract of
            // carriage included it
            case UNLOADING_AT_DESTINATION ->
                    rule.delivery() == DeliveryPoint.UNLOADED_AT_DESTINATION ? SELLER : BUYER;
            // past the named place of destination no rule obliges the seller
            case CARRIAGE_TO_BUYERS_PREMISES -> BUYER;
        };
    }

    private static @Nullable String stageNote(Incoterm rule, DeliveryPlace place, JourneyStage stage) {
        String note = switch (stage) {
            case LOADING_AT_SELLERS_PREMISES -> switch (rule.delivery()) {
                case AT_BUYERS_DISPOSAL_AT_NAMED_PLACE -> "exw-loading";
                case TO_BUYERS_CARRIER -> place == DeliveryPlace.SELLERS_PREMISES ? "fca-seller-loads" : null;
                default -> null;
            };
            case CARRIAGE_TO_PLACE_OF_SHIPMENT -> switch (rule.delivery()) {
                case TO_BUYERS_CARRIER -> place == DeliveryPlace.ELSEWHERE ? "fca-ready-for-unloading" : null;
                case TO_SELLERS_CARRIER -> "first-carrier";
                default -> null;
            };
            case EXPORT_CLEARANCE -> rule.exportClearance() == BUYER ? "exw-export-clearance" : null;
            case INSURANCE -> switch (rule.insurance()) {
                case NONE -> "insurance-optional";
                case SELLER_INSTITUTE_CARGO_CLAUSES_C -> "insurance-clauses-c";
                case SELLER_INSTITUTE_CARGO_CLAUSES_A -> "insurance-clauses-a";
            };
            case IMPORT_CLEARANCE -> rule.riskPassesAtDestination()
                    ? (rule.importClearance() == BUYER ? "buyer-clears-before-delivery" : "ddp-duties") : null;
            case UNLOADING_AT_DESTINATION -> rule.delivery() == DeliveryPoint.UNLOADED_AT_DESTINATION
                    ? "dpu-unloads" : rule.mainCarriage() == SELLER ? "unloading-unless-carriage" : null;
            case CARRIAGE_TO_BUYERS_PREMISES ->
                    rule.namedPlace() == NamedPlace.PLACE_OF_DESTINATION ? "none-if-premises" : null;
            default -> null;
        };
        return note == null ? null : PREFIX + "stage-note." + note;
    }

    private static List<String> warnings(Incoterm rule) {
        // ICC Incoterms® 2020, explanatory notes to FAS, FOB, CFR and CIF: not for goods handed to a carrier
        // before they are alongside or on board, such as containers delivered at a terminal
        return rule.modeOfTransport() == ModeOfTransport.SEA_AND_INLAND_WATERWAY
                ? List.of(PREFIX + "warning.sea-only") : List.of();
    }

    private static List<String> notes(Incoterm rule, DeliveryPlace place, Lane lane) {
        List<String> notes = new ArrayList<>();
        if (rule.mainCarriage() == SELLER && !rule.riskPassesAtDestination()) {
            // the C rules: A4 carriage paid to destination, A3 risk passed at shipment
            notes.add(PREFIX + "note.cost-risk-split");
        }
        switch (rule) {
            case EXW -> notes.add(PREFIX + "note.exw");
            case FCA -> {
                notes.add(PREFIX + "note.fca." + place.name());
                notes.add(PREFIX + "note.fca-bill-of-lading");
            }
            case DDP -> notes.add(PREFIX + "note.ddp");
            default -> {
            }
        }
        notes.add(PREFIX + "note.lane." + lane.name());
        return notes;
    }

    private static List<UsualDocument> documents(Incoterm rule, Lane lane) {
        List<UsualDocument> documents = new ArrayList<>();
        // A1 of every rule: the seller provides the commercial invoice
        documents.add(new UsualDocument(TradeDocument.COMMERCIAL_INVOICE, PREFIX + "document.commercial-invoice"));
        documents.add(new UsualDocument(TradeDocument.PACKING_LIST, PREFIX + "document.packing-list"));
        List<TradeDocument> transport = rule.modeOfTransport() == ModeOfTransport.SEA_AND_INLAND_WATERWAY
                ? List.of(TradeDocument.BILL_OF_LADING)
                : List.of(TradeDocument.BILL_OF_LADING, TradeDocument.AIR_WAYBILL, TradeDocument.ROAD_CONSIGNMENT_NOTE);
        // A6: the seller who contracts carriage provides the usual transport document; under FCA, FAS and FOB
        // the seller provides proof of delivery, usually the buyer's carrier's document; under EXW nothing
        String transportReason = rule.mainCarriage() == SELLER ? "transport-by-seller"
                : rule.delivery() == DeliveryPoint.AT_BUYERS_DISPOSAL_AT_NAMED_PLACE ? "transport-by-buyer"
                : "transport-proof-of-delivery";
        documents.add(new UsualDocument(transport, PREFIX + "document." + transportReason));
        if (rule.insurance().party().isPresent()) {
            // CIF, CIP A5: the seller gives the buyer the insurance policy or certificate
            documents.add(new UsualDocument(TradeDocument.INSURANCE_CERTIFICATE, PREFIX + "document.insurance"));
        }
        if (lane == Lane.INTERNATIONAL) {
            documents.add(new UsualDocument(TradeDocument.CERTIFICATE_OF_ORIGIN, PREFIX + "document.certificate-of-origin"));
        }
        return documents;
    }
}
