package trade.caravan.reference;

/**
 * Where the seller delivers under an Incoterms® 2020 rule (article A2) and, with delivery, where the
 * risk of loss of or damage to the goods passes to the buyer (articles A3/B3).
 */
public enum DeliveryPoint {
    /** EXW A2: placed at the buyer's disposal at the named place, not loaded on any collecting vehicle. */
    AT_BUYERS_DISPOSAL_AT_NAMED_PLACE(false),
    /**
     * FCA A2: at the seller's premises, loaded on the means of transport the buyer provides; elsewhere,
     * on the seller's means of transport ready for unloading, at the disposal of the buyer's carrier.
     */
    TO_BUYERS_CARRIER(false),
    /** CPT, CIP A2: handed over to the carrier the seller contracted with, at the agreed point of delivery. */
    TO_SELLERS_CARRIER(false),
    /** FAS A2: placed alongside the vessel nominated by the buyer at the named port of shipment. */
    ALONGSIDE_SHIP(false),
    /** FOB, CFR, CIF A2: placed on board the vessel at the port of shipment (or procured so delivered). */
    ON_BOARD_VESSEL(false),
    /** DAP, DDP A2: on the arriving means of transport, ready for unloading, at the named place of destination. */
    READY_FOR_UNLOADING_AT_DESTINATION(true),
    /** DPU A2: unloaded from the arriving means of transport at the named place of destination. */
    UNLOADED_AT_DESTINATION(true);

    private final boolean atDestination;

    DeliveryPoint(boolean atDestination) {
        this.atDestination = atDestination;
    }

    /**
     * Whether risk passes in the country of destination (the D rules). Under the C rules the seller
     * pays carriage to destination, but risk has already passed at shipment.
     */
    public boolean atDestination() {
        return atDestination;
    }
}
