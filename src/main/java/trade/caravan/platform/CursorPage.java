package trade.caravan.platform;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paginated list: the items and the cursor of the next page
 * ({@code null} on the last page). Fetch {@code limit + 1} rows and call {@link #of}.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public CursorPage {
        items = List.copyOf(items);
    }

    /** Builds a page from up to {@code limit + 1} fetched rows; the extra row only signals "more". */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new CursorPage<>(page, cursorOf.apply(page.getLast()).encode());
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }

    /** Clamps a client's requested page size into 1..{@value #MAX_LIMIT}. */
    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new DomainException(DomainException.Kind.INVALID, "error.limit.range", 1, MAX_LIMIT);
        }
        return requested;
    }
}
