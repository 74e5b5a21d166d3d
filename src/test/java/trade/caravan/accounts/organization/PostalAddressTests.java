package trade.caravan.accounts.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import trade.caravan.accounts.TradeRole;
import trade.caravan.platform.DomainException;
import trade.caravan.shared.CountryCode;

/** The postal address a contract names a party with: tidied, bounded, no control characters. */
class PostalAddressTests {

    @Test
    void linesAreStrippedAndBlankLinesDropped() {
        assertThat(profile("  Am Sandtorkai 12 \r\n\r\n 20457 Hamburg\n").postalAddress())
                .isEqualTo("Am Sandtorkai 12\n20457 Hamburg");
        assertThat(profile("   \n ").postalAddress()).isNull();
        assertThat(profile(null).postalAddress()).isNull();
        assertThat(profile("广东省深圳市南山区科技园路 88 号\nShenzhen 518057").postalAddress()).contains("科技园路");
    }

    @Test
    void tooLongOrControlCharactersAreRefused() {
        for (String address : new String[] {"1\n2\n3\n4\n5\n6\n7", "x".repeat(301), "Street 1\u0000", "Street\u001b[31m 1"}) {
            assertThatThrownBy(() -> profile(address)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.messageCode()).isEqualTo("error.organization.postal-address"));
        }
    }

    private static OrganizationProfile profile(String address) {
        return new OrganizationProfile("Kontor GmbH", new CountryCode("DE"), TradeRole.IMPORTER, null, null, address);
    }
}
