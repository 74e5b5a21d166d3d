package trade.caravan.reference.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One bundled dataset: its files under {@code reference-data/}, the tables it fills, and how to
 * read the first into the second. Loading runs inside the loader's transaction, with the tables
 * already emptied.
 */
interface ReferenceDataset {

    /** The name recorded in {@code reference.dataset}. */
    String name();

    /** Bumped whenever the way the files are read changes, so that existing databases reload. */
    int version();

    List<String> files();

    /** Every table the dataset fills, emptied before each load. */
    List<String> tables();

    LoadReport load(Connection connection) throws IOException, SQLException;
}
