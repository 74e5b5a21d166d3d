package trade.caravan.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.accounts.OrganizationDirectory;
import trade.caravan.accounts.OrganizationSummary;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.platform.Tenancy;
import trade.caravan.shared.OrganizationId;

/**
 * Many of the current supplier's products at once, for imports and exports. Rows are checked by
 * the same rules as one product ({@link ProductDetails}, then {@link ProductManagement}'s reference
 * rules, with every lookup remembered for the whole file), matched to existing products by id or
 * by the supplier's own reference (sku), and written in the caller's one transaction, flushed and
 * cleared every {@value #CHUNK} rows: either every row is written or none.
 */
@Service
public class ProductBulk {

    /** Rows written between two flushes; also the size of each read. */
    static final int CHUNK = 200;

    /**
     * One row of an import. Without {@code id} and {@code sku} it is a new product; with an
     * {@code id} it revises that product; with only a {@code sku} it revises the product with that
     * reference, or creates one. {@code status} null keeps the product's status (new: DRAFT).
     */
    public record Row(int line, @Nullable ProductId id, @Nullable String sku, @Nullable ProductStatus status,
            ProductDetails details) {
    }

    /** Which optional columns the file has; a product keeps what a missing column would have said. */
    public record Given(boolean sku, boolean status, boolean images) {
    }

    /**
     * A broken rule in a row: the field as {@link ProductDetails} names it ({@code hsCode},
     * {@code texts[1].title}, {@code tiers.tiers[0].minQuantity}, ...) or {@code id}, {@code sku},
     * {@code status}.
     */
    public record Problem(int line, String field, String messageCode, Object... arguments) {

        public Problem {
            arguments = arguments.clone();
        }

        @Override
        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /** What an import does (or would do), or why it cannot. */
    public record Plan(int rows, int created, int updated, int unchanged, int published, List<Problem> problems) {

        public Plan {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The rows break rules: nothing was written. */
    public static final class Refused extends DomainException {

        private final transient Plan plan;

        Refused(Plan plan) {
            super(Kind.INVALID, "error.validation");
            this.plan = plan;
        }

        public Plan plan() {
            return plan;
        }
    }

    private enum Action { CREATE, UPDATE, UNCHANGED }

    /** The product as it stood when the rows were checked. */
    private record Snapshot(ProductStatus status, @Nullable String sku, long version, ProductDetails details) {
    }

    private record Decision(Row row, Action action, @Nullable UUID target, ProductDetails details,
            ProductStatus status, @Nullable String sku, boolean detailsChanged, long version) {
    }

    private record Prepared(List<Decision> decisions, List<Problem> problems, int rows) {

        Plan plan() {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int published = 0;
            for (Decision decision : decisions) {
                switch (decision.action()) {
                    case CREATE -> created++;
                    case UPDATE -> updated++;
                    case UNCHANGED -> unchanged++;
                }
                if (decision.action() != Action.UNCHANGED && decision.status() == ProductStatus.PUBLISHED) {
                    published++;
                }
            }
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(Problem::line));
            return new Plan(rows, created, updated, unchanged, published, sorted);
        }
    }

    private final Products products;
    private final ProductManagement management;
    private final OrganizationDirectory organizations;
    private final Tenancy tenancy;
    private final EntityManager entities;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    ProductBulk(Products products, ProductManagement management, OrganizationDirectory organizations, Tenancy tenancy,
            EntityManager entities, PlatformTransactionManager transactions, Clock clock) {
        this.products = products;
        this.management = management;
        this.organizations = organizations;
        this.tenancy = tenancy;
        this.entities = entities;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** What importing the rows would do, or every problem with them; writes nothing. */
    @Transactional(readOnly = true)
    public Plan plan(List<Row> rows, Given given) {
        return prepare(rows, given).plan();
    }

    /**
     * Imports the rows in the caller's transaction, telling {@code progress} how many rows are
     * done after each chunk. Throws {@link Refused} (and writes nothing) if any row breaks a rule,
     * checked again here because the catalog may have changed since the plan.
     */
    @Transactional
    public Plan apply(List<Row> rows, Given given, IntConsumer progress) {
        Prepared prepared = prepare(rows, given);
        Plan plan = prepared.plan();
        if (!plan.valid()) {
            throw new Refused(plan);
        }
        OrganizationSummary supplier = organizations.find(tenancy.requireOrganization()).orElseThrow();
        Instant now = clock.instant();
        List<Decision> decisions = prepared.decisions();
        for (int from = 0; from < decisions.size(); from += CHUNK) {
            List<Decision> chunk = decisions.subList(from, Math.min(decisions.size(), from + CHUNK));
            write(chunk, supplier, now);
            progress.accept(from + chunk.size());
        }
        return plan;
    }

    /** The language tags the supplier's products have texts in, sorted. */
    @Transactional(readOnly = true)
    public List<String> locales() {
        return products.locales().stream().sorted().toList();
    }

    /**
     * Hands every product of the supplier to {@code each}, in the order they were created. Reads
     * {@value #CHUNK} at a time, each in a short transaction of its own, so a slow reader (a
     * download) holds no connection while it writes.
     */
    public void forEach(Consumer<ProductView> each) {
        Instant afterCreated = Products.BEGINNING;
        UUID afterId = Products.FIRST_ID;
        while (true) {
            Instant from = afterCreated;
            UUID fromId = afterId;
            List<ProductView> page = readOnly.execute(status -> products.inCreationOrder(from, fromId,
                    Limit.of(CHUNK)).stream().map(ProductView::of).toList());
            if (page == null || page.isEmpty()) {
                return;
            }
            page.forEach(each);
            ProductView last = page.getLast();
            afterCreated = last.createdAt();
            afterId = last.id().value();
            if (page.size() < CHUNK) {
                return;
            }
        }
    }

    private Prepared prepare(List<Row> rows, Given given) {
        List<Problem> problems = new ArrayList<>();
        Set<Integer> broken = new LinkedHashSet<>();
        ReferenceLookups lookups = management.rememberingLookups();
        OrganizationId supplier = tenancy.requireOrganization();
        List<@Nullable ProductDetails> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                checked.add(management.checked(supplier, row.details(), lookups));
            } catch (InvalidInput invalid) {
                checked.add(null);
                broken.add(i);
                invalid.violations().forEach(v -> problems.add(new Problem(row.line(), v.field(), v.messageCode(),
                        v.arguments())));
            }
        }

        Map<UUID, String> skuById = new HashMap<>();
        Map<String, UUID> idBySku = new HashMap<>();
        for (Object[] pair : products.skus()) {
            skuById.put((UUID) pair[0], (String) pair[1]);
            idBySku.put((String) pair[1], (UUID) pair[0]);
        }
        Set<UUID> wanted = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.id() != null) {
                wanted.add(row.id().value());
            } else if (row.sku() != null && idBySku.containsKey(row.sku())) {
                wanted.add(idBySku.get(row.sku()));
            }
        }
        Map<UUID, Snapshot> current = snapshots(wanted);

        List<@Nullable UUID> targets = new ArrayList<>(rows.size());
        Map<UUID, Integer> rowByTarget = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            UUID target = row.id() != null ? row.id().value()
                    : row.sku() == null ? null : idBySku.get(row.sku());
            if (row.id() != null && !current.containsKey(target)) {
                problems.add(new Problem(row.line(), "id", "error.import.id-unknown"));
                broken.add(i);
                target = null;
            }
            targets.add(target);
            if (target != null) {
                Integer other = rowByTarget.putIfAbsent(target, i);
                if (other != null) {
                    problems.add(new Problem(row.line(), row.id() != null ? "id" : "sku", "error.import.product-repeated",
                            rows.get(other).line()));
                    Row first = rows.get(other);
                    problems.add(new Problem(first.line(), first.id() != null ? "id" : "sku",
                            "error.import.product-repeated", row.line()));
                    broken.add(i);
                    broken.add(other);
                }
            }
        }
        checkSkus(rows, targets, given, skuById, problems, broken);

        List<Decision> decisions = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (broken.contains(i)) {
                continue;
            }
            Row row = rows.get(i);
            ProductDetails details = Objects.requireNonNull(checked.get(i));
            UUID target = targets.get(i);
            if (target == null) {
                ProductStatus status = row.status() == null ? ProductStatus.DRAFT : row.status();
                decisions.add(new Decision(row, Action.CREATE, null, details, status, row.sku(), true, 0));
                continue;
            }
            Snapshot before = current.get(target);
            ProductDetails merged = merged(details, before.details(), given.images());
            boolean changed = !sameDetails(merged, before.details());
            ProductStatus status = given.status() && row.status() != null ? row.status() : before.status();
            String sku = given.sku() ? row.sku() : before.sku();
            if (changed && before.status() == ProductStatus.ARCHIVED && status == ProductStatus.ARCHIVED) {
                problems.add(new Problem(row.line(), "status", "error.product.archived"));
                continue;
            }
            boolean same = !changed && status == before.status() && Objects.equals(sku, before.sku());
            decisions.add(new Decision(row, same ? Action.UNCHANGED : Action.UPDATE, target, merged, status, sku,
                    changed, before.version()));
        }
        return new Prepared(decisions, problems, rows.size());
    }

    /** After the import, no two products of the supplier may share a reference. */
    private static void checkSkus(List<Row> rows, List<@Nullable UUID> targets, Given given, Map<UUID, String> skuById,
            List<Problem> problems, Set<Integer> broken) {
        Map<UUID, String> finalSkus = new HashMap<>(skuById);
        Map<UUID, Integer> settingRow = new HashMap<>();
        Map<String, List<Integer>> newProductsBySku = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            UUID target = targets.get(i);
            if (target == null) {
                if (row.id() == null && row.sku() != null) {
                    newProductsBySku.computeIfAbsent(row.sku(), s -> new ArrayList<>()).add(i);
                }
            } else if (given.sku()) {
                if (row.sku() == null) {
                    finalSkus.remove(target);
                } else {
                    finalSkus.put(target, row.sku());
                }
                settingRow.put(target, i);
            }
        }
        newProductsBySku.forEach((sku, newRows) -> {
            if (newRows.size() > 1 && !finalSkus.containsValue(sku)) {
                for (int i : newRows) {
                    int other = newRows.get(newRows.get(0) == i ? 1 : 0);
                    problems.add(new Problem(rows.get(i).line(), "sku", "error.import.sku-repeated", sku,
                            rows.get(other).line()));
                    broken.add(i);
                }
            }
        });
        Map<String, List<UUID>> holders = new HashMap<>();
        finalSkus.forEach((id, sku) -> holders.computeIfAbsent(sku, s -> new ArrayList<>()).add(id));
        for (var entry : holders.entrySet()) {
            List<UUID> ids = entry.getValue();
            List<Integer> newRows = newProductsBySku.getOrDefault(entry.getKey(), List.of());
            if (ids.size() + newRows.size() < 2) {
                continue;
            }
            for (UUID id : ids) {
                Integer i = settingRow.get(id);
                if (i == null) {
                    continue;
                }
                Integer other = ids.stream().filter(o -> !o.equals(id)).map(settingRow::get).filter(Objects::nonNull)
                        .findFirst().orElse(newRows.isEmpty() ? null : newRows.getFirst());
                problems.add(other == null
                        ? new Problem(rows.get(i).line(), "sku", "error.import.sku-taken", entry.getKey())
                        : new Problem(rows.get(i).line(), "sku", "error.import.sku-repeated", entry.getKey(),
                                rows.get(other).line()));
                broken.add(i);
            }
        }
    }

    private Map<UUID, Snapshot> snapshots(Set<UUID> ids) {
        Map<UUID, Snapshot> snapshots = new HashMap<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            for (Product product : products.findAllById(all.subList(from, Math.min(all.size(), from + CHUNK)))) {
                snapshots.put(product.id().value(), new Snapshot(product.status(), product.sku(), product.version(),
                        product.details()));
            }
            entities.clear();
        }
        return snapshots;
    }

    private void write(List<Decision> chunk, OrganizationSummary supplier, Instant now) {
        List<UUID> targets = chunk.stream().filter(d -> d.action() == Action.UPDATE).map(Decision::target).toList();
        Map<UUID, Product> loaded = new HashMap<>();
        products.findAllById(targets).forEach(p -> loaded.put(p.id().value(), p));
        List<Product> listingsToWrite = new ArrayList<>();
        for (Decision decision : chunk) {
            switch (decision.action()) {
                case UNCHANGED -> {
                }
                case CREATE -> {
                    Product product = Product.draft(new ProductId(UUID.randomUUID()), decision.details(), now);
                    product.identify(decision.sku(), now);
                    if (decision.status() == ProductStatus.PUBLISHED) {
                        product.publish(now);
                        listingsToWrite.add(product);
                    } else if (decision.status() == ProductStatus.ARCHIVED) {
                        product.archive(now);
                    }
                    entities.persist(product);
                }
                case UPDATE -> {
                    Product product = loaded.get(decision.target());
                    if (product == null || product.version() != decision.version()) {
                        throw new DomainException(DomainException.Kind.CONFLICT, "error.import.changed-meanwhile");
                    }
                    ProductStatus before = product.status();
                    if (before == ProductStatus.ARCHIVED && decision.status() != ProductStatus.ARCHIVED) {
                        product.withdraw(now);
                    }
                    if (decision.detailsChanged()) {
                        product.revise(decision.details(), now);
                    }
                    product.identify(decision.sku(), now);
                    switch (decision.status()) {
                        case PUBLISHED -> product.publish(now);
                        case DRAFT -> {
                            if (product.status() == ProductStatus.PUBLISHED) {
                                product.withdraw(now);
                            }
                        }
                        case ARCHIVED -> {
                            if (product.status() != ProductStatus.ARCHIVED) {
                                product.archive(now);
                            }
                        }
                    }
                    boolean listed = decision.status() == ProductStatus.PUBLISHED
                            && (decision.detailsChanged() || before != ProductStatus.PUBLISHED);
                    boolean delisted = before == ProductStatus.PUBLISHED && decision.status() != ProductStatus.PUBLISHED;
                    if (listed || delisted) {
                        listingsToWrite.add(product);
                    }
                }
            }
        }
        // listings carry the product's version, counted at the flush
        entities.flush();
        listingsToWrite.forEach(product -> management.relist(product, supplier));
        entities.flush();
        entities.clear();
    }

    /**
     * The row's details, keeping what the row cannot say: the images when the file has no images
     * column, and the certificate documents of certifications the row still lists.
     */
    private static ProductDetails merged(ProductDetails row, ProductDetails current, boolean imagesGiven) {
        List<ProductDetails.Certification> certifications = row.certifications().stream()
                .map(c -> c.certificate() != null ? c : current.certifications().stream()
                        .filter(o -> o.kind() == c.kind() && Objects.equals(o.name(), c.name()) && o.certificate() != null)
                        .findFirst().map(o -> new ProductDetails.Certification(c.kind(), c.name(), o.certificate()))
                        .orElse(c))
                .toList();
        return new ProductDetails(row.hsCode(), row.defaultLocale(), row.texts(), row.specifications(), row.unit(),
                row.minimumOrderQuantity(), row.currency(), row.tiers(), row.leadTimeDays(), row.origin(),
                row.portOfLoading(), certifications, row.packaging(), imagesGiven ? row.images() : current.images());
    }

    /** Equal details; texts in any order (a product keeps them sorted by language). */
    private static boolean sameDetails(ProductDetails a, ProductDetails b) {
        return sortedTexts(a).equals(sortedTexts(b));
    }

    private static ProductDetails sortedTexts(ProductDetails d) {
        return new ProductDetails(d.hsCode(), d.defaultLocale(),
                d.texts().stream().sorted(Comparator.comparing(ProductDetails.Text::locale)).toList(),
                d.specifications(), d.unit(), d.minimumOrderQuantity(), d.currency(), d.tiers(), d.leadTimeDays(),
                d.origin(), d.portOfLoading(), d.certifications(), d.packaging(), d.images());
    }
}
