package trade.caravan.reference;

/** The two classes of Incoterms® 2020 rules (ICC Incoterms® 2020, Introduction, and the rules' headings). */
public enum ModeOfTransport {
    /** EXW, FCA, CPT, CIP, DAP, DPU, DDP: any mode or modes of transport, including sea. */
    ANY_MODE,
    /** FAS, FOB, CFR, CIF: goods placed on board or alongside a vessel at a port. */
    SEA_AND_INLAND_WATERWAY
}
