package trade.caravan.documents.pki;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import trade.caravan.shared.OrganizationId;

/**
 * What an organization signs with: its private key (in this process's memory only) and its
 * certificate chain, the organization's certificate first and the CA's last.
 */
public record SigningCredential(OrganizationId organization, PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningCredential {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    public BigInteger serial() {
        return certificate().getSerialNumber();
    }

    @Override
    public String toString() {
        return "SigningCredential[" + organization + ", serial " + serial().toString(16) + "]";
    }
}
