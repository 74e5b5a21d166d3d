package trade.caravan.reference;

/** What the place named after an Incoterms® 2020 rule is ("FOB Shanghai", "DAP Hamburg"). */
public enum NamedPlace {
    /** EXW, FCA: where the seller delivers. */
    PLACE_OF_DELIVERY,
    /** CPT, CIP, DAP, DPU, DDP: where the goods are carried to. */
    PLACE_OF_DESTINATION,
    /** FAS, FOB: where the goods are placed alongside or on board the vessel. */
    PORT_OF_SHIPMENT,
    /** CFR, CIF: the port the seller contracts carriage to. */
    PORT_OF_DESTINATION
}
