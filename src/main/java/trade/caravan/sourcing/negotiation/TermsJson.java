package trade.caravan.sourcing.negotiation;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import trade.caravan.sourcing.RfqTerms;
import trade.caravan.sourcing.TermSheet;

/** Term sheets and RFQ terms as stored (jsonb): the records themselves, written and read by Jackson. */
@Component
class TermsJson {

    private final JsonMapper json = JsonMapper.builder().build();

    String write(Object terms) {
        return json.writeValueAsString(terms);
    }

    TermSheet termSheet(String stored) {
        return json.readValue(stored, TermSheet.class);
    }

    RfqTerms rfq(String stored) {
        return json.readValue(stored, RfqTerms.class);
    }
}
