package trade.caravan.catalog.transfer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import trade.caravan.catalog.product.ProductBulk;
import trade.caravan.reference.Currencies;
import trade.caravan.shared.CurrencyCode;

/**
 * Checks an import file with the real rules: the file and its cells ({@link CatalogFileReader}),
 * then the products it describes ({@link ProductBulk#plan}: reference data, matching by id and
 * sku). Every problem names its line and column; a column with a problem already gets no second
 * one from a later rule.
 */
@Component
class ImportChecks {

    /** Price tiers are checked against the minimum order quantity and in the currency. */
    private static final Set<String> TIERS_DEPEND_ON = Set.of(CatalogCsv.MOQ, CatalogCsv.CURRENCY, CatalogCsv.TIERS);

    /** A file read and its rows ready for {@link ProductBulk}. */
    record Checked(CatalogFileReader.ParsedFile file, List<ProductBulk.Row> rows, ImportReport report) {
    }

    private final ProductBulk bulk;
    private final Currencies currencies;
    private final ImportSettings settings;

    ImportChecks(ProductBulk bulk, Currencies currencies, ImportSettings settings) {
        this.bulk = bulk;
        this.currencies = currencies;
        this.settings = settings;
    }

    /** Reads and checks a file; the catalog is only read. */
    Checked check(InputStream content) {
        CatalogFileReader.ParsedFile file = reader().read(content);
        if (file.stopped()) {
            return new Checked(file, List.of(), report(file.rows().size(), null, file.problems()));
        }
        List<ProductBulk.Row> rows = candidates(file);
        ProductBulk.Plan plan = bulk.plan(rows, file.given());
        List<ImportProblem> problems = new ArrayList<>(file.problems());
        problems.addAll(problems(plan.problems(), file));
        return new Checked(file, rows, report(file.rows().size(), plan, problems));
    }

    CatalogFileReader reader() {
        Map<CurrencyCode, OptionalInt> digits = new HashMap<>();
        Function<CurrencyCode, OptionalInt> minorDigits = code -> digits.computeIfAbsent(code, currencies::minorUnits);
        return new CatalogFileReader(settings.limits(), minorDigits);
    }

    /** The rows that can be checked against the catalog: their details could be built, their identity read. */
    static List<ProductBulk.Row> candidates(CatalogFileReader.ParsedFile file) {
        return file.rows().stream().filter(r -> r.details() != null && !r.identityProblem())
                .map(CatalogFileReader.Row::toBulk).toList();
    }

    /** The catalog's problems with rows, by line and column, less those about columns that had one. */
    static List<ImportProblem> problems(List<ProductBulk.Problem> problems, CatalogFileReader.ParsedFile file) {
        Map<Long, CatalogFileReader.Row> rows = file.rows().stream()
                .collect(Collectors.toMap(CatalogFileReader.Row::line, Function.identity(), (a, b) -> a));
        List<ImportProblem> found = new ArrayList<>();
        for (ProductBulk.Problem problem : problems) {
            String column = CatalogFileReader.column(problem.field(), file.languages());
            String key = CatalogFileReader.key(column);
            CatalogFileReader.Row row = rows.get((long) problem.line());
            Set<String> bad = row == null ? Set.of() : row.badColumns();
            if (bad.contains(key) || (key.equals(CatalogCsv.TIERS) && bad.stream().anyMatch(TIERS_DEPEND_ON::contains))) {
                continue;
            }
            found.add(ImportProblem.of(problem.line(), file.columnNames().getOrDefault(key, column),
                    problem.messageCode(), problem.arguments()));
        }
        return found;
    }

    ImportReport report(int rows, ProductBulk.@Nullable Plan plan, List<ImportProblem> problems) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingLong(ImportProblem::line));
        List<ImportProblem> kept = sorted.subList(0, Math.min(sorted.size(), settings.maxErrors()));
        return plan == null
                ? new ImportReport(rows, 0, 0, 0, 0, kept, sorted.size())
                : new ImportReport(rows, plan.created(), plan.updated(), plan.unchanged(), plan.published(), kept,
                        sorted.size());
    }
}
