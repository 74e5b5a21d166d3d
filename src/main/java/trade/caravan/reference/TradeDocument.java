package trade.caravan.reference;

/**
 * The trade documents a buyer may require and a seller may promise to provide. Names are
 * translated under {@code trade-document.<NAME>}.
 */
public enum TradeDocument {
    /** The seller's bill for the goods; needed for customs at both ends. */
    COMMERCIAL_INVOICE,
    /** What is in each package, with weights and dimensions. */
    PACKING_LIST,
    /** Where the goods were made, issued or endorsed by a chamber of commerce or an authority. */
    CERTIFICATE_OF_ORIGIN,
    /** The carrier's receipt and document of title for sea carriage. */
    BILL_OF_LADING,
    /** The carrier's receipt for air carriage (not a document of title). */
    AIR_WAYBILL,
    /** The carrier's receipt for road carriage (CMR consignment note). */
    ROAD_CONSIGNMENT_NOTE,
    /** Evidence of the cargo insurance the seller took out (CIF, CIP). */
    INSURANCE_CERTIFICATE,
    /** An independent inspector's report on quantity and quality before shipment. */
    INSPECTION_CERTIFICATE,
    /** Plant-health certificate of the exporting country's authority (plants, wood packaging, some food). */
    PHYTOSANITARY_CERTIFICATE,
    /** Veterinary or health certificate for food and animal products. */
    HEALTH_CERTIFICATE
}
