package trade.caravan.accounts.organization;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which form field each organization and registration refusal belongs to. */
final class ProfileErrors {

    static final Map<String, String> FIELDS = fields();

    private ProfileErrors() {
    }

    private static Map<String, String> fields() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("error.organization.legal-name", "legalName");
        fields.put("error.organization.country", "country");
        fields.put("error.organization.registration-number", "registrationNumber");
        fields.put("error.organization.website", "website");
        fields.put("error.organization.postal-address", "postalAddress");
        fields.put("error.organization.trade-role", "tradeRole");
        fields.put("error.email.", "email");
        fields.put("error.password.", "password");
        fields.put("error.display-name.", "displayName");
        return Map.copyOf(fields);
    }
}
