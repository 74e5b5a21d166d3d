package trade.caravan.platform;

import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * Turns a domain refusal into a form error: on the field its message code belongs to (by code
 * prefix), else as a form-wide error. The message is resolved in the user's language when the
 * page renders.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * @param fieldsByCodePrefix e.g. {@code "error.password." -> "password"}
     */
    public static void reject(BindingResult form, DomainException refusal, Map<String, String> fieldsByCodePrefix) {
        if (refusal instanceof InvalidInput invalid) {
            for (InvalidInput.Violation violation : invalid.violations()) {
                try {
                    form.rejectValue(violation.field(), violation.messageCode(), violation.arguments(),
                            violation.messageCode());
                } catch (org.springframework.beans.NotReadablePropertyException notAFormField) {
                    form.reject(violation.messageCode(), violation.arguments(), violation.messageCode());
                }
            }
            return;
        }
        for (var entry : fieldsByCodePrefix.entrySet()) {
            if (refusal.messageCode().startsWith(entry.getKey())) {
                form.rejectValue(entry.getValue(), refusal.messageCode(), refusal.arguments(), refusal.messageCode());
                return;
            }
        }
        form.reject(refusal.messageCode(), refusal.arguments(), refusal.messageCode());
    }
}
