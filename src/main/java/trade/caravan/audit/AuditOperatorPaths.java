package trade.caravan.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.OperatorPaths;

/** The chain verification endpoint has no tenant and no login: the operator's addresses only. */
@Configuration(proxyBeanMethods = false)
class AuditOperatorPaths {

    @Bean
    OperatorPaths auditChainEndpointPaths() {
        return OperatorPaths.of("/actuator/auditchain");
    }
}
