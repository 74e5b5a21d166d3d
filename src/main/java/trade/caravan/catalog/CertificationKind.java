package trade.caravan.catalog;

/** Certifications buyers ask for; OTHER carries its own name. Translated under {@code certification.<NAME>}. */
public enum CertificationKind {
    ISO_9001, ISO_14001, ISO_22000, HACCP, CE, ROHS, REACH, FDA, FCC, UL, CCC, GOTS, FSC, HALAL, KOSHER, ORGANIC, OTHER
}
