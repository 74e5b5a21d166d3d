package trade.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void roundTripsValuesIncludingSeparatorsAndUnicode() {
        Cursor cursor = Cursor.of("2026-11-26T10:00:00Z", "深圳/\"quoted\" value");
        Cursor decoded = Cursor.decode(cursor.encode(), 2);
        assertThat(decoded).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void blankMeansFromTheStart() {
        assertThat(Cursor.decode(null, 2)).isNull();
        assertThat(Cursor.decode(" ", 2)).isNull();
    }

    @Test
    void refusesForgedOrMalformedCursors() {
        assertThatThrownBy(() -> Cursor.decode("***", 2)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("only one").encode(), 2)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Cursor.decode("A".repeat(600), 2)).isInstanceOf(DomainException.class);
    }

    @Test
    void aPageOfLimitPlusOneRowsHasANextCursor() {
        CursorPage<String> page = CursorPage.of(List.of("a", "b", "c"), 2, Cursor::of);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(Cursor.decode(page.nextCursor(), 1)).isEqualTo(Cursor.of("b"));
        CursorPage<String> last = CursorPage.of(List.of("a", "b"), 2, Cursor::of);
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void limitsAreBounded() {
        assertThat(CursorPage.limit(null)).isEqualTo(CursorPage.DEFAULT_LIMIT);
        assertThat(CursorPage.limit(100)).isEqualTo(100);
        assertThatThrownBy(() -> CursorPage.limit(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> CursorPage.limit(101)).isInstanceOf(DomainException.class);
    }
}
