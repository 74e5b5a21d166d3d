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

    /**
     * What the dataset is.
     *
     * @param name    the name recorded in {@code reference.dataset}
     * @param version bumped whenever the way the files are read changes, so that existing databases reload
     * @param files   its files under {@code reference-data/}
     * @param tables  every table the dataset fills, emptied before each load
     */
    record Description(String name, int version, List<String> files, List<String> tables) {

        public Description {
            files = List.copyOf(files);
            tables = List.copyOf(tables);
        }
    }

    Description description();

    default String name() {
        return description().name();
    }

    default int version() {
        return description().version();
    }

    default List<String> files() {
        return description().files();
    }

    default List<String> tables() {
        return description().tables();
    }

    LoadReport load(Connection connection) throws IOException, SQLException;
}
