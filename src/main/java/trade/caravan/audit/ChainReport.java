package trade.caravan.audit;

/** The outcome of a verification and the head it was checked against. */
record ChainReport(ChainVerification verification, long headSequence, String headHash) {
}
