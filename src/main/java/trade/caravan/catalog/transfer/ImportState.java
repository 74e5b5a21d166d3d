package trade.caravan.catalog.transfer;

/**
 * Where an import stands. A checked file is VALIDATED (waiting for confirmation) or REJECTED (its
 * problems listed); a confirmed one is RUNNING, then SUCCEEDED or FAILED (nothing written).
 * DISCARDED: checked, never confirmed. Translated under {@code import.state.<NAME>}.
 */
enum ImportState {
    VALIDATED, REJECTED, RUNNING, SUCCEEDED, FAILED, DISCARDED;

    boolean finished() {
        return this != VALIDATED && this != RUNNING;
    }
}
