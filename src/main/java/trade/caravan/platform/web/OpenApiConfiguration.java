package trade.caravan.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API's description at {@code /v3/api-docs}: API tokens as bearer credentials, conventions in prose. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI caravanApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Caravan API")
                        .version("v1")
                        .description("""
                                Cross-border trade between small and medium enterprises.

                                Conventions: authenticate with an organization's API token \
                                (`Authorization: Bearer cvn_...`, created by an owner or admin on the API tokens \
                                page). Errors are RFC 9457 problem documents (`application/problem+json`) with a \
                                `code` and, for invalid input, `errors[]` naming each field. Send `Idempotency-Key` \
                                on POST: the same key and body replays the first response, the same key with \
                                another body is refused with 422, a duplicate still in progress with 409. Lists \
                                are cursor-paginated: pass `nextCursor` back as `cursor`; `limit` is 1 to 100. \
                                `Accept-Language: zh-CN` answers in Simplified Chinese."""))
                .components(new Components().addSecuritySchemes("apiToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("An organization's API token")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
