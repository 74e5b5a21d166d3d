package trade.caravan.reference.load;

/** A row of a bundled file that breaks the dataset's rules; it is skipped and counted, never loaded. */
final class RowRejected extends Exception {

    RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
