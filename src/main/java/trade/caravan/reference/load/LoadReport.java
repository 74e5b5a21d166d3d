package trade.caravan.reference.load;

import java.util.List;

/** What a dataset load stored: the number of rows in all its tables, and what it left out or mended, for the log. */
record LoadReport(long rows, List<String> notes) {

    LoadReport {
        notes = List.copyOf(notes);
    }
}
