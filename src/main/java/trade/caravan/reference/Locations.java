package trade.caravan.reference;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.load.SearchKeys;
import trade.caravan.shared.CountryCode;

/**
 * UN/LOCODE locations with a transport function: look up by code, and type-ahead search by name
 * or code. Names match without regard to case or accents ("dusseldorf" finds Düsseldorf).
 */
@Service
public class Locations {

    private static final String COLUMNS = """
            l.unlocode, l.country, l.name, l.alternative_names, l.subdivision, s.name as subdivision_name,
            l.status, l.function_code, l.iata, l.latitude, l.longitude, l.name_key
            """;
    private static final String FROM = """
             from reference.location l
             left join reference.subdivision s on s.country = l.country and s.code = l.subdivision
            """;
    private static final Pattern CODE_START = Pattern.compile("[A-Z]{2}[A-Z0-9]{0,3}");
    private static final Pattern FULL_CODE = Pattern.compile("[A-Za-z]{2} ?[A-Za-z0-9]{3}");
    /** Below this many letters, an infix match would touch most rows: only prefixes are matched. */
    private static final int INFIX_FROM = 3;
    private static final Map<TransportFunction, String> FLAG_COLUMNS = new EnumMap<>(Map.of(
            TransportFunction.PORT, "is_port",
            TransportFunction.RAIL, "is_rail",
            TransportFunction.ROAD, "is_road",
            TransportFunction.AIRPORT, "is_airport",
            TransportFunction.POSTAL, "is_postal",
            TransportFunction.MULTIMODAL, "is_multimodal",
            TransportFunction.FIXED_INSTALLATION, "is_fixed",
            TransportFunction.BORDER_CROSSING, "is_border"));

    private final JdbcClient jdbc;

    Locations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Location> find(UnLocode code) {
        return jdbc.sql("select " + COLUMNS + FROM + " where l.unlocode = ?")
                .param(code.value()).query(Locations::location).optional();
    }

    public boolean exists(UnLocode code) {
        return jdbc.sql("select count(*) from reference.location where unlocode = ?")
                .param(code.value()).query(Long.class).single() > 0;
    }

    /**
     * Matches, best first: the exact name or code, then names that start with the text, then codes
     * that start with it, then names that contain it; alphabetically within each group.
     * Keyset-paginated. The text is read as a code when it is a whole one ("deham", "DE HAM") or
     * the start of one in capitals ("DEH").
     */
    public CursorPage<Location> search(LocationQuery query, @Nullable String cursor, int limit) {
        String text = SearchText.check(query.text());
        String key = SearchKeys.fold(text);
        String code = text.replace(" ", "").toUpperCase(Locale.ROOT);
        // "deham" and "DE HAM" are codes; a shorter start counts only in capitals ("DEH"), so that
        // a name being typed ("san", "den") does not also list every code that begins like it
        boolean codeLike = FULL_CODE.matcher(text).matches()
                || (text.equals(text.toUpperCase(Locale.ROOT)) && CODE_START.matcher(code).matches());
        Cursor after = Cursor.decode(cursor, 3);

        List<Object> params = new ArrayList<>();
        StringBuilder filter = new StringBuilder(" where true");
        String rank = "0";
        if (!key.isEmpty()) {
            String like = SearchKeys.escapeLike(key);
            String codeParam = codeLike ? code : "";
            rank = "case when l.unlocode = ? or l.name_key = ? then 0"
                    + " when l.name_key like ? escape '\\' or l.search_text like ? escape '\\' then 1"
                    + " when l.unlocode like ? then 2 else 3 end";
            params.addAll(List.of(codeParam, key, like + "%", "%|" + like + "%", codeLike ? code + "%" : ""));
            if (key.length() >= INFIX_FROM) {
                filter.append(" and (l.search_text like ? escape '\\' or l.unlocode like ?)");
                params.add("%" + like + "%");
            } else {
                filter.append(" and (l.name_key like ? escape '\\' or l.unlocode like ?)");
                params.add(like + "%");
            }
            params.add(codeLike ? code + "%" : "");
        }
        if (query.function() != null) {
            filter.append(" and l.").append(FLAG_COLUMNS.get(query.function()));
        }
        if (query.country() != null) {
            filter.append(" and l.country = ?");
            params.add(query.country().value());
        }
        StringBuilder sql = new StringBuilder("select * from (select ").append(COLUMNS).append(", ")
                .append(rank).append(" as rank").append(FROM).append(filter).append(") m");
        if (after != null) {
            sql.append(" where (m.rank, m.name_key, m.unlocode) > (?, ?, ?)");
            params.add(rankOf(after));
            params.add(after.value(1));
            params.add(after.value(2));
        }
        sql.append(" order by m.rank, m.name_key, m.unlocode limit ?");
        params.add(limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(Locations::row).list();
        return CursorPage.of(rows, limit,
                row -> Cursor.of(Integer.toString(row.rank()), row.nameKey(), row.location().unlocode().value()))
                .map(Row::location);
    }

    private static int rankOf(Cursor cursor) {
        try {
            int rank = Integer.parseInt(cursor.value(0));
            if (rank >= 0 && rank <= 3) {
                return rank;
            }
        } catch (NumberFormatException e) {
            // fall through: a cursor that was not ours
        }
        throw new DomainException(DomainException.Kind.INVALID, "error.cursor.invalid");
    }

    private record Row(Location location, int rank, String nameKey) {
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(location(row, number), row.getInt("rank"), row.getString("name_key"));
    }

    private static Location location(ResultSet row, int number) throws SQLException {
        String unlocode = row.getString("unlocode");
        return new Location(
                new UnLocode(unlocode),
                new CountryCode(row.getString("country")),
                row.getString("name"),
                names(row.getArray("alternative_names")),
                row.getString("subdivision"),
                row.getString("subdivision_name"),
                TransportFunction.parse(row.getString("function_code")),
                row.getString("status"),
                row.getString("iata"),
                decimal(row.getBigDecimal("latitude")),
                decimal(row.getBigDecimal("longitude")));
    }

    private static List<String> names(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable BigDecimal decimal(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
