package trade.caravan.catalog.transfer;

import java.util.List;

/**
 * What a checked file would do (rows, new products, changed ones, unchanged ones, ones to be
 * published) or, if {@code problemCount} is not zero, why it cannot be imported: the first
 * problems in line order, at most {@code caravan.catalog.import.max-errors} of them.
 */
record ImportReport(int rows, int created, int updated, int unchanged, int published, List<ImportProblem> problems,
        int problemCount) {

    ImportReport {
        problems = List.copyOf(problems);
    }

    boolean valid() {
        return problemCount == 0;
    }
}
