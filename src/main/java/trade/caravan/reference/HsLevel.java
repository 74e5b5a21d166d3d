package trade.caravan.reference;

/** The levels of the HS nomenclature, from the top. */
public enum HsLevel {
    /** Section I to XXI, a group of chapters. */
    SECTION,
    /** Two digits. */
    CHAPTER,
    /** Four digits. */
    HEADING,
    /** Six digits, the most detailed level that is the same in every country. */
    SUBHEADING
}
