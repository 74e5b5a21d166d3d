package trade.caravan.reference.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTests {

    @Test
    void foldsCaseAndAccents() {
        assertThat(SearchKeys.fold("Düsseldorf")).isEqualTo("dusseldorf");
        assertThat(SearchKeys.fold("  SÃO   Paulo ")).isEqualTo("sao paulo");
        assertThat(SearchKeys.fold("Gdańsk")).isEqualTo("gdansk");
    }

    @Test
    void foldsLettersThatDoNotDecompose() {
        assertThat(SearchKeys.fold("Straße")).isEqualTo("strasse");
        assertThat(SearchKeys.fold("Łódź")).isEqualTo("lodz");
        assertThat(SearchKeys.fold("Ærøskøbing")).isEqualTo("aeroskobing");
        assertThat(SearchKeys.fold("Þórshöfn")).isEqualTo("thorshofn");
    }

    @Test
    void dropsTheReplacementCharacterOfLettersLostUpstream() {
        assertThat(SearchKeys.fold("M\uFFFDnchen")).isEqualTo("mnchen");
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(SearchKeys.escapeLike("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
    }
}
