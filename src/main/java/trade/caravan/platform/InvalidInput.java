package trade.caravan.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Input that breaks several rules at once, each named by field: all of them are reported
 * together (a form marks every bad field, an API lists every one, an import names every bad cell),
 * not only the first.
 */
public class InvalidInput extends DomainException {

    /** One broken rule: the field (a path like {@code tiers[1].minQuantity}), the message code, its arguments. */
    public record Violation(String field, String messageCode, Object... arguments) {

        public Violation {
            arguments = arguments.clone();
        }

        @Override
        public Object[] arguments() {
            return arguments.clone();
        }
    }

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(Kind.INVALID, violations.isEmpty() ? "error.validation" : violations.getFirst().messageCode(),
                violations.isEmpty() ? new Object[0] : violations.getFirst().arguments());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Collects violations and throws them together at the end. */
    public static final class Collector {

        private final List<Violation> violations = new ArrayList<>();

        public Collector add(String field, String messageCode, Object... arguments) {
            violations.add(new Violation(field, messageCode, arguments));
            return this;
        }

        /**
         * Runs a check that throws a {@link DomainException}, recording it under the field; the
         * violations of a nested {@link InvalidInput} keep their own field names.
         */
        public <T> T check(String field, java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (InvalidInput nested) {
                violations.addAll(nested.violations());
            } catch (DomainException refusal) {
                violations.add(new Violation(field, refusal.messageCode(), refusal.arguments()));
            }
            return null;
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
        }
    }
}
