package trade.caravan.platform;

import java.net.InetAddress;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Requests from the operator's own machine or network (by default: loopback only). Guards the
 * operator pages (mail outbox) and the metrics scrape endpoint, which have no tenant and no login.
 * The peer address is the TCP peer: behind a reverse proxy, configure its forwarded-header
 * handling deliberately, or these pages become reachable through it.
 */
@Component
public class OperatorAccess implements RequestMatcher {

    private final List<IpAddressMatcher> allowed;

    OperatorAccess(Settings settings) {
        this.allowed = settings.allowedAddresses().stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        try {
            InetAddress peer = InetAddress.ofLiteral(address);
            if (peer.isLoopbackAddress() && allowed.stream().anyMatch(m -> m.matches("127.0.0.1"))) {
                return true;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return allowed.stream().anyMatch(matcher -> matcher.matches(address));
    }

    /** {@code caravan.operator.allowed-addresses}: IP addresses or CIDR ranges of operators. */
    @ConfigurationProperties("caravan.operator")
    record Settings(List<String> allowedAddresses) {

        Settings {
            allowedAddresses = allowedAddresses == null || allowedAddresses.isEmpty()
                    ? List.of("127.0.0.1/32", "::1/128")
                    : List.copyOf(allowedAddresses);
        }
    }
}
