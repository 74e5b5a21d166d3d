package trade.caravan.audit;

/** A row of the chain as read back for verification: its fields and the two hashes stored with them. */
record ChainedEntry(ChainedFields fields, String previousHash, String hash) {

    long sequence() {
        return fields.sequence();
    }
}
