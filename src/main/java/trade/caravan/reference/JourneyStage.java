package trade.caravan.reference;

/**
 * The stages of a shipment from the seller's premises to the buyer's, in the order the goods pass
 * through them, as {@link IncotermGuidance} allocates their cost and risk under an Incoterms® 2020
 * rule. Names are translated under {@code reference.guidance.stage.<NAME>}.
 */
public enum JourneyStage {
    /** Packaging and marking the goods for export (A8 of every rule). */
    EXPORT_PACKAGING,
    /** Loading the goods on the collecting vehicle at the seller's premises. */
    LOADING_AT_SELLERS_PREMISES,
    /** Carriage from the seller's premises to the port, airport or terminal where the main carriage starts. */
    CARRIAGE_TO_PLACE_OF_SHIPMENT,
    /** Export formalities, licences and any export duty (A7/B7). */
    EXPORT_CLEARANCE,
    /** Handling at the place of shipment and loading on the vessel, aircraft, train or truck of the main carriage. */
    LOADING_ON_MAIN_CARRIAGE,
    /** The main carriage, from the place of shipment to the destination (A4/B4). */
    MAIN_CARRIAGE,
    /** Cargo insurance for the main carriage (A5/B5). */
    INSURANCE,
    /** Import formalities, duties and taxes (A7/B7). */
    IMPORT_CLEARANCE,
    /** Unloading from the arriving means of transport at the named place or port of destination. */
    UNLOADING_AT_DESTINATION,
    /** Onward carriage from the named place or port of destination to the buyer's premises. */
    CARRIAGE_TO_BUYERS_PREMISES
}
