package trade.caravan.documents.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.model.x509.CertificateToken;

import trade.caravan.documents.pki.ExternalCa;

/**
 * Revocation URLs come from uploaded certificates: only HTTP(S), and by default never an address
 * inside the server's own network.
 */
class OnlineRevocationTests {

    @Test
    void privateAndLocalAddressesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1/crl", "http://localhost:8080/crl", "http://10.1.2.3/crl",
                "http://192.168.1.1/crl", "http://169.254.169.254/latest/meta-data", "http://[::1]/crl",
                "http://[fd00::1]/crl", "http://0.0.0.0/crl"}) {
            assertThatThrownBy(() -> OnlineRevocation.refusePrivate(URI.create(url))).as(url).isInstanceOf(IOException.class);
        }
        assertThatCode(() -> OnlineRevocation.refusePrivate(URI.create("http://93.184.215.14/crl"))).doesNotThrowAnyException();
    }

    @Test
    void onlyHttpIsFetched() {
        assertThat(OnlineRevocation.fetchable("http://ca.example/crl")).isTrue();
        assertThat(OnlineRevocation.fetchable("HTTPS://ca.example/crl")).isTrue();
        assertThat(OnlineRevocation.fetchable("file:///etc/passwd")).isFalse();
        assertThat(OnlineRevocation.fetchable("ldap://ca.example/cn=crl")).isFalse();
        assertThat(OnlineRevocation.fetchable("jar:http://ca.example/a.jar!/crl")).isFalse();
    }

    @Test
    void aRefusedFetchIsNoRevocationDataNotAnError() {
        ExternalCa root = ExternalCa.root("CN=Local Root,O=Test,C=DE", "http://127.0.0.1:9/crl");
        ExternalCa.Leaf leaf = ExternalCa.Leaf.good("CN=Local Org,O=Local Org,C=DE");
        var source = new OnlineRevocation.Crl(Duration.ofSeconds(1), false);
        assertThat(source.getRevocationToken(new CertificateToken(root.issue(leaf)), new CertificateToken(root.certificate())))
                .isNull();
    }
}
