package trade.caravan.reference.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a file that were refused, with the first few reasons for the log. Many refusals mean
 * the file is not what the loader expects (a new layout, a wrong file): then the load fails and
 * the previous data stays, rather than loading a fraction of the rows.
 */
final class Rejections {

    private static final int EXAMPLES = 5;
    /** At most one row in a hundred may be refused. */
    private static final int TOLERATED_PER_HUNDRED = 1;

    private final String file;
    private final List<String> examples = new ArrayList<>();
    private long count;

    Rejections(String file) {
        this.file = file;
    }

    void add(long line, RowRejected reason) {
        count++;
        if (examples.size() < EXAMPLES) {
            examples.add("line " + line + ": " + reason.getMessage());
        }
    }

    long count() {
        return count;
    }

    /** Fails when too many of {@code rows} records were refused; otherwise describes the refusals, if any. */
    List<String> check(long rows) {
        if (count > 0 && count * 100 > rows * TOLERATED_PER_HUNDRED) {
            throw new IllegalStateException(file + ": " + count + " of " + rows + " rows refused, e.g. " + examples);
        }
        return count == 0 ? List.of() : List.of(count + " rows of " + file + " refused, e.g. " + examples);
    }
}
