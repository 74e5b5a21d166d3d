package trade.caravan.reference.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetFilesTests {

    @Test
    void malformedUtf8FailsInsteadOfBecomingReplacementCharacters() {
        assertThatThrownBy(() -> {
            try (CsvTable table = CsvTable.open("test/invalid-utf8.csv", 10)) {
                table.forEach(row -> row.get(0));
            }
        }).hasRootCauseInstanceOf(java.nio.charset.MalformedInputException.class);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        try (CsvTable sections = CsvTable.open("hs/sections.csv", 100)) {
            assertThat(sections.column("section")).isZero();
        }
    }

    @Test
    void tooManyRecordsFailTheRead() {
        assertThatThrownBy(() -> {
            try (CsvTable table = CsvTable.open("hs/sections.csv", 5)) {
                table.forEach(row -> row.get(0));
            }
        }).hasMessageContaining("more than 5 records");
    }

    @Test
    void theChecksumChangesWithTheFilesAndWithTheLoaderVersion() throws Exception {
        String one = DatasetFiles.checksum("hs", 1, List.of("hs/sections.csv"));

        assertThat(DatasetFiles.checksum("hs", 1, List.of("hs/sections.csv"))).isEqualTo(one);
        assertThat(DatasetFiles.checksum("hs", 2, List.of("hs/sections.csv"))).isNotEqualTo(one);
        assertThat(DatasetFiles.checksum("hs", 1, List.of("hs/sections.csv", "countries/country-codes.csv")))
                .isNotEqualTo(one);
    }
}
