package trade.caravan.reference.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import trade.caravan.reference.TransportFunction;

/** Reading the geoapify UN/LOCODE file with its known defects (see reference-data/unlocode/SOURCE.md). */
class UnLocodeDatasetTests {

    private final List<UnLocodeDataset.Entry> read = new ArrayList<>();

    private UnLocodeDataset.Parsed read(String file) throws Exception {
        return new UnLocodeDataset("test/" + file, "test/subdivisions-sample.csv").read(read::add);
    }

    private UnLocodeDataset.Entry entry(String unlocode) {
        return read.stream().filter(e -> e.unlocode().equals(unlocode)).findFirst().orElseThrow();
    }

    @Test
    void keepsLocationsWithATransportFunctionAndLeavesOutTheRest() throws Exception {
        UnLocodeDataset.Parsed parsed = read("unlocode-sample.csv");

        assertThat(read).extracting(UnLocodeDataset.Entry::unlocode)
                .containsExactly("DEHAM", "DEDUS", "JPAGE", "BEBRU", "BTCCS", "USMFS", "NLRTM");
        assertThat(parsed.rows()).isEqualTo(10);
        assertThat(parsed.kept()).isEqualTo(7);
        assertThat(parsed.withoutTransportFunction()).isEqualTo(2);
        assertThat(entry("DEHAM").functions()).containsExactlyInAnyOrder(TransportFunction.PORT,
                TransportFunction.RAIL, TransportFunction.ROAD, TransportFunction.AIRPORT, TransportFunction.POSTAL);
    }

    @Test
    void aNameThatLostItsLettersFallsBackToTheNameWithoutDiacritics() throws Exception {
        read("unlocode-sample.csv");

        assertThat(entry("DEDUS").name()).isEqualTo("Dusseldorf");
        assertThat(entry("DEHAM").name()).isEqualTo("Hamburg");
    }

    @Test
    void aMisQuotedNameWithACommaIsRejoinedAndTheRowReadInPlace() throws Exception {
        UnLocodeDataset.Parsed parsed = read("unlocode-sample.csv");

        UnLocodeDataset.Entry ageo = entry("JPAGE");
        assertThat(ageo.name()).isEqualTo("Ageo-Shi, Saitama");
        assertThat(ageo.subdivision()).isEqualTo("11");
        assertThat(ageo.function()).isEqualTo("--3-----");
        assertThat(ageo.status()).isNull();
        assertThat(parsed.repaired()).isEqualTo(1);
    }

    @Test
    void aCodeListedAgainInAnotherLanguageKeepsTheFirstRowAndTheOtherName() throws Exception {
        UnLocodeDataset.Parsed parsed = read("unlocode-sample.csv");

        assertThat(entry("BEBRU").name()).isEqualTo("Brussel (Bruxelles)");
        assertThat(parsed.alternativeNames()).isEqualTo(Map.of("BEBRU", List.of("Bruxelles (Brussel)")));
        assertThat(parsed.merged()).isEqualTo(1);
    }

    @Test
    void onlyUnecesOwnAndUsableCoordinatesAreKept() throws Exception {
        UnLocodeDataset.Parsed parsed = read("unlocode-sample.csv");

        assertThat(entry("DEHAM").latitude()).isEqualByComparingTo(new BigDecimal("53.516667"));
        assertThat(entry("DEHAM").longitude()).isEqualByComparingTo(new BigDecimal("9.933333"));
        // geocoded from OpenStreetMap (ODbL): not loaded
        assertThat(entry("NLRTM").latitude()).isNull();
        assertThat(entry("JPAGE").latitude()).isNull();
        // "NaN" upstream: the place stays, without a position
        assertThat(entry("BTCCS").latitude()).isNull();
        assertThat(entry("BTCCS").longitude()).isNull();
        assertThat(parsed.geocodedCoordinates()).isEqualTo(2);
        assertThat(parsed.unusableCoordinates()).isEqualTo(1);
    }

    @Test
    void threeDashesMeanNoIataCode() throws Exception {
        read("unlocode-sample.csv");

        assertThat(entry("USMFS").iata()).isNull();
        assertThat(entry("NLRTM").iata()).isEqualTo("RTM");
    }

    @Test
    void aFileWithMoreThanAFewBadRowsIsRefusedAsAWhole() {
        assertThatThrownBy(() -> read("unlocode-with-bad-rows.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 of 12 rows refused")
                .hasMessageContaining("location is not of the form")
                .hasMessageContaining("control character");
    }

    @Test
    void aMissingFileFailsLoudly() {
        assertThatThrownBy(() -> read("no-such-file.csv")).hasMessageContaining("missing");
    }
}
