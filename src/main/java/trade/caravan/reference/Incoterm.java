package trade.caravan.reference;

import static trade.caravan.reference.DeliveryPoint.ALONGSIDE_SHIP;
import static trade.caravan.reference.DeliveryPoint.AT_BUYERS_DISPOSAL_AT_NAMED_PLACE;
import static trade.caravan.reference.DeliveryPoint.ON_BOARD_VESSEL;
import static trade.caravan.reference.DeliveryPoint.READY_FOR_UNLOADING_AT_DESTINATION;
import static trade.caravan.reference.DeliveryPoint.TO_BUYERS_CARRIER;
import static trade.caravan.reference.DeliveryPoint.TO_SELLERS_CARRIER;
import static trade.caravan.reference.DeliveryPoint.UNLOADED_AT_DESTINATION;
import static trade.caravan.reference.InsuranceDuty.NONE;
import static trade.caravan.reference.InsuranceDuty.SELLER_INSTITUTE_CARGO_CLAUSES_A;
import static trade.caravan.reference.InsuranceDuty.SELLER_INSTITUTE_CARGO_CLAUSES_C;
import static trade.caravan.reference.ModeOfTransport.ANY_MODE;
import static trade.caravan.reference.ModeOfTransport.SEA_AND_INLAND_WATERWAY;
import static trade.caravan.reference.NamedPlace.PLACE_OF_DELIVERY;
import static trade.caravan.reference.NamedPlace.PLACE_OF_DESTINATION;
import static trade.caravan.reference.NamedPlace.PORT_OF_DESTINATION;
import static trade.caravan.reference.NamedPlace.PORT_OF_SHIPMENT;
import static trade.caravan.reference.TradeParty.BUYER;
import static trade.caravan.reference.TradeParty.SELLER;

/**
 * The eleven Incoterms® 2020 rules of the International Chamber of Commerce, each with the
 * allocation of duties that Caravan relies on. Each constant is one row of the table, written from
 * the rules themselves (ICC Incoterms® 2020, ICC Publication No. 723E); the articles cited are the
 * rules' own: A2/B2 delivery and taking delivery, A3/B3 transfer of risks, A4/B4 carriage,
 * A5/B5 insurance, A7/B7 export and import clearance.
 *
 * <p>Columns: mode of transport; what the named place is; delivery point (A2), where risk passes
 * (A3/B3); who contracts and pays for the main carriage (A4/B4); insurance duty (A5/B5); who clears
 * the goods for export and for import (A7/B7).
 */
public enum Incoterm {

    // B4: no obligation on the seller to carry; B7: the buyer clears for export (the seller only assists, A7)
    EXW(ANY_MODE, PLACE_OF_DELIVERY, AT_BUYERS_DISPOSAL_AT_NAMED_PLACE, BUYER, NONE, BUYER, BUYER),
    // B4: the buyer contracts carriage from the named place; A7: the seller clears for export
    FCA(ANY_MODE, PLACE_OF_DELIVERY, TO_BUYERS_CARRIER, BUYER, NONE, SELLER, BUYER),
    // A4: the seller contracts carriage to the named place of destination; risk passed at A2 already
    CPT(ANY_MODE, PLACE_OF_DESTINATION, TO_SELLERS_CARRIER, SELLER, NONE, SELLER, BUYER),
    // A5: as CPT, and the seller insures to Institute Cargo Clauses (A)
    CIP(ANY_MODE, PLACE_OF_DESTINATION, TO_SELLERS_CARRIER, SELLER, SELLER_INSTITUTE_CARGO_CLAUSES_A, SELLER, BUYER),
    // A2: ready for unloading at destination; B7: the buyer clears for import
    DAP(ANY_MODE, PLACE_OF_DESTINATION, READY_FOR_UNLOADING_AT_DESTINATION, SELLER, NONE, SELLER, BUYER),
    // A2: the seller unloads at destination, the only rule that requires it
    DPU(ANY_MODE, PLACE_OF_DESTINATION, UNLOADED_AT_DESTINATION, SELLER, NONE, SELLER, BUYER),
    // A7: the seller clears for export, transit and import and pays any import duty
    DDP(ANY_MODE, PLACE_OF_DESTINATION, READY_FOR_UNLOADING_AT_DESTINATION, SELLER, NONE, SELLER, SELLER),
    // A2: alongside the buyer's vessel at the named port of shipment; B4: the buyer contracts carriage
    FAS(SEA_AND_INLAND_WATERWAY, PORT_OF_SHIPMENT, ALONGSIDE_SHIP, BUYER, NONE, SELLER, BUYER),
    // A2: on board the buyer's vessel at the named port of shipment
    FOB(SEA_AND_INLAND_WATERWAY, PORT_OF_SHIPMENT, ON_BOARD_VESSEL, BUYER, NONE, SELLER, BUYER),
    // A4: the seller contracts carriage to the named port of destination; risk passed on board (A3)
    CFR(SEA_AND_INLAND_WATERWAY, PORT_OF_DESTINATION, ON_BOARD_VESSEL, SELLER, NONE, SELLER, BUYER),
    // A5: as CFR, and the seller insures to at least Institute Cargo Clauses (C)
    CIF(SEA_AND_INLAND_WATERWAY, PORT_OF_DESTINATION, ON_BOARD_VESSEL, SELLER, SELLER_INSTITUTE_CARGO_CLAUSES_C, SELLER, BUYER);

    private final ModeOfTransport modeOfTransport;
    private final NamedPlace namedPlace;
    private final DeliveryPoint delivery;
    private final TradeParty mainCarriage;
    private final InsuranceDuty insurance;
    private final TradeParty exportClearance;
    private final TradeParty importClearance;

    Incoterm(ModeOfTransport modeOfTransport, NamedPlace namedPlace, DeliveryPoint delivery, TradeParty mainCarriage,
            InsuranceDuty insurance, TradeParty exportClearance, TradeParty importClearance) {
        this.modeOfTransport = modeOfTransport;
        this.namedPlace = namedPlace;
        this.delivery = delivery;
        this.mainCarriage = mainCarriage;
        this.insurance = insurance;
        this.exportClearance = exportClearance;
        this.importClearance = importClearance;
    }

    public ModeOfTransport modeOfTransport() {
        return modeOfTransport;
    }

    public NamedPlace namedPlace() {
        return namedPlace;
    }

    /** Where the seller delivers (A2), which is where the risk passes to the buyer (A3/B3). */
    public DeliveryPoint delivery() {
        return delivery;
    }

    /** Whether the risk passes at destination (D rules) rather than in the country of shipment. */
    public boolean riskPassesAtDestination() {
        return delivery.atDestination();
    }

    /** Who contracts and pays for the main carriage (A4/B4). */
    public TradeParty mainCarriage() {
        return mainCarriage;
    }

    /** Who must insure the goods for the other party, and the minimum cover (A5/B5). */
    public InsuranceDuty insurance() {
        return insurance;
    }

    /** Who carries out and pays for export clearance (A7/B7). */
    public TradeParty exportClearance() {
        return exportClearance;
    }

    /** Who carries out and pays for import clearance, duties included (A7/B7). */
    public TradeParty importClearance() {
        return importClearance;
    }
}
