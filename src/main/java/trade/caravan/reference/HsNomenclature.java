package trade.caravan.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import trade.caravan.platform.Cursor;
import trade.caravan.platform.CursorPage;
import trade.caravan.platform.DomainException;

/**
 * The HS 2022 nomenclature: look up and validate codes, walk the tree, search by code prefix or by
 * English words. Results come in nomenclature order (section, chapter, heading, subheading).
 */
@Service
public class HsNomenclature {

    private static final String SELECT = "select code, level, description, parent, section, sort_key from reference.hs_entry";
    private static final Pattern CODE_QUERY = Pattern.compile("[0-9][0-9.\\s]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> SECTIONS = Set.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI");
    private static final int MAX_WORDS = 8;
    private static final int SUBHEADING_DIGITS = 6;

    private final JdbcClient jdbc;

    HsNomenclature(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HsEntry> find(HsCode code) {
        return jdbc.sql(SELECT + " where code = ?").param(code.value()).query(HsNomenclature::entry).optional();
    }

    /** An entry by HS code ("0901", "0901.11") or section numeral ("II"); anything else finds nothing. */
    public Optional<HsEntry> find(String code) {
        String section = code.strip().toUpperCase(Locale.ROOT);
        if (SECTIONS.contains(section)) {
            return jdbc.sql(SELECT + " where code = ?").param(section).query(HsNomenclature::entry).optional();
        }
        return HsCode.isWellFormed(code) ? find(HsCode.of(code)) : Optional.empty();
    }

    public boolean exists(HsCode code) {
        return find(code).isPresent();
    }

    /**
     * The HS code someone entered, if HS 2022 has it: 2, 4 or 6 digits, dots and spaces allowed.
     * Refuses malformed and unknown codes with a message that says which.
     */
    public HsCode validate(String input) {
        if (!HsCode.isWellFormed(input)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.reference.hs-malformed",
                    SearchText.echo(input));
        }
        HsCode code = HsCode.of(input);
        if (!exists(code)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.reference.hs-unknown", code.value());
        }
        return code;
    }

    /** The entries above this one, section first. */
    public List<HsEntry> ancestors(HsEntry entry) {
        List<String> codes = new ArrayList<>();
        if (entry.level() != HsLevel.SECTION) {
            codes.add(entry.section());
            for (int digits = 2; digits < entry.code().length(); digits += 2) {
                codes.add(entry.code().substring(0, digits));
            }
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where code in (:codes) order by sort_key")
                .param("codes", codes).query(HsNomenclature::entry).list();
    }

    /** The entries one level below, in order. */
    public List<HsEntry> children(HsEntry entry) {
        return jdbc.sql(SELECT + " where parent = ? order by sort_key")
                .param(entry.code()).query(HsNomenclature::entry).list();
    }

    /** The 21 sections. */
    public List<HsEntry> sections() {
        return jdbc.sql(SELECT + " where level = 'SECTION' order by sort_key").query(HsNomenclature::entry).list();
    }

    /**
     * Entries whose code starts with the digits typed ("09", "0901.1"; a national tariff line of 8
     * or 10 digits is cut to its 6-digit subheading), that are the section named ("XVI"), or whose
     * description has every word typed, as a word or the start of one, in English ("roast coffee").
     * A blank query lists the whole nomenclature.
     */
    public CursorPage<HsEntry> search(String query, @Nullable String cursor, int limit) {
        String text = SearchText.check(query);
        Cursor after = Cursor.decode(cursor, 1);
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object> params = new ArrayList<>();
        if (CODE_QUERY.matcher(text).matches()) {
            String digits = text.replaceAll("[^0-9]", "");
            sql.append(" and code like ?");
            params.add(digits.substring(0, Math.min(digits.length(), SUBHEADING_DIGITS)) + "%");
        } else if (SECTIONS.contains(text.toUpperCase(Locale.ROOT))) {
            sql.append(" and code = ?");
            params.add(text.toUpperCase(Locale.ROOT));
        } else if (!text.isEmpty()) {
            String words = prefixQuery(text);
            if (words.isEmpty()) {
                return new CursorPage<>(List.of(), null);
            }
            sql.append(" and search_vector @@ to_tsquery('english', ?)");
            params.add(words);
        }
        if (after != null) {
            sql.append(" and sort_key > ?");
            params.add(after.value(0));
        }
        sql.append(" order by sort_key limit ?");
        params.add(limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(HsNomenclature::row).list();
        return CursorPage.of(rows, limit, row -> Cursor.of(row.sortKey())).map(Row::entry);
    }

    /** "roast coffee" → "roast:* &amp; coffee:*": only letters and digits reach the query parser. */
    private static String prefixQuery(String text) {
        List<String> terms = new ArrayList<>();
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find() && terms.size() < MAX_WORDS) {
            terms.add(words.group() + ":*");
        }
        return String.join(" & ", terms);
    }

    private record Row(HsEntry entry, String sortKey) {
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(entry(row, number), row.getString("sort_key"));
    }

    private static HsEntry entry(ResultSet row, int number) throws SQLException {
        return new HsEntry(row.getString("code"), HsLevel.valueOf(row.getString("level")),
                row.getString("description"), row.getString("parent"), row.getString("section"));
    }
}
