package trade.caravan.reference.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The HS 2022 nomenclature from datasets/harmonized-system: 21 sections, then chapters, headings
 * and subheadings. UN Comtrade's statistical rows (TOTAL, chapter 99 "Commodities not specified
 * according to kind") are not part of the WCO nomenclature and are left out.
 */
@Component
class HsNomenclatureDataset implements ReferenceDataset {

    static final String SECTIONS = "hs/sections.csv";
    static final String CODES = "hs/harmonized-system.csv.gz";
    private static final Pattern ROMAN = Pattern.compile("[IVXL]{1,6}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}");
    private static final String STATISTICAL_SECTION = "TOTAL";

    private final String sectionsFile;
    private final String codesFile;

    HsNomenclatureDataset() {
        this(SECTIONS, CODES);
    }

    HsNomenclatureDataset(String sectionsFile, String codesFile) {
        this.sectionsFile = sectionsFile;
        this.codesFile = codesFile;
    }

    @Override
    public Description description() {
        return new Description("hs", 1, List.of(sectionsFile, codesFile), List.of("reference.hs_entry"));
    }

    @Override
    public LoadReport load(Connection connection) throws IOException, SQLException {
        List<String> notes = new ArrayList<>();
        try (CopyRows copy = CopyRows.into(connection, "reference.hs_entry",
                "code", "level", "parent", "section", "description", "sort_key")) {
            Map<String, Integer> sections = copySections(copy, notes);
            copyCodes(copy, sections, notes);
            return new LoadReport(copy.finish(), notes);
        }
    }

    private Map<String, Integer> copySections(CopyRows copy, List<String> notes) throws IOException, SQLException {
        Rejections rejections = new Rejections(sectionsFile);
        Map<String, Integer> ordinals = new HashMap<>();
        long read = 0;
        try (CsvTable table = CsvTable.open(sectionsFile, 100)) {
            int section = table.column("section");
            int name = table.column("name");
            for (CsvTable.Row row : table) {
                read++;
                try {
                    String number = Fields.matching(row.get(section), ROMAN, "section");
                    if (ordinals.containsKey(number)) {
                        throw new RowRejected("duplicate section " + number);
                    }
                    int ordinal = ordinals.size() + 1;
                    ordinals.put(number, ordinal);
                    copy.add(number, "SECTION", null, number, capitalised(Fields.required(row.get(name), 500, "name")),
                            sortKey(ordinal, null));
                } catch (RowRejected e) {
                    rejections.add(row.line(), e);
                }
            }
        }
        notes.addAll(rejections.check(read));
        return ordinals;
    }

    private void copyCodes(CopyRows copy, Map<String, Integer> sections, List<String> notes)
            throws IOException, SQLException {
        Rejections rejections = new Rejections(codesFile);
        Set<String> seen = new HashSet<>();
        long read = 0;
        long statistical = 0;
        try (CsvTable table = CsvTable.open(codesFile, 20_000)) {
            int section = table.column("section");
            int hscode = table.column("hscode");
            int description = table.column("description");
            int parent = table.column("parent");
            int level = table.column("level");
            for (CsvTable.Row row : table) {
                read++;
                try {
                    String sectionNumber = row.get(section).strip();
                    if (STATISTICAL_SECTION.equals(sectionNumber)) {
                        statistical++;
                        continue;
                    }
                    Integer ordinal = sections.get(sectionNumber);
                    if (ordinal == null) {
                        throw new RowRejected("unknown section " + sectionNumber);
                    }
                    String code = Fields.matching(row.get(hscode), DIGITS, "hscode");
                    if (!Integer.toString(code.length()).equals(row.get(level).strip())) {
                        throw new RowRejected("level does not match the code's length");
                    }
                    String parentCode = code.length() == 2 ? sectionNumber : row.get(parent).strip();
                    if (code.length() > 2 && !parentCode.equals(code.substring(0, code.length() - 2))) {
                        throw new RowRejected("parent " + parentCode + " is not the code one level up");
                    }
                    if (code.length() > 2 && !seen.contains(parentCode)) {
                        throw new RowRejected("parent " + parentCode + " comes later or not at all");
                    }
                    if (!seen.add(code)) {
                        throw new RowRejected("duplicate code " + code);
                    }
                    String levelName = switch (code.length()) {
                        case 2 -> "CHAPTER";
                        case 4 -> "HEADING";
                        default -> "SUBHEADING";
                    };
                    copy.add(code, levelName, parentCode, sectionNumber,
                            Fields.required(row.get(description), 1_000, "description"), sortKey(ordinal, code));
                } catch (RowRejected e) {
                    rejections.add(row.line(), e);
                }
            }
        }
        notes.addAll(rejections.check(read));
        notes.add(statistical + " UN Comtrade statistical rows (TOTAL, 99) left out");
    }

    /** "02" for section II, "02-0901" for heading 0901 in it: one string orders the tree depth-first. */
    static String sortKey(int sectionOrdinal, @Nullable String code) {
        String section = String.format("%02d", sectionOrdinal);
        return code == null ? section : section + "-" + code;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
