package trade.caravan.catalog.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import trade.caravan.platform.PublicPaths;

/** Files are served without sign-in; {@link MediaController} decides per file who may read it. */
@Configuration(proxyBeanMethods = false)
class MediaPublicPaths {

    @Bean
    PublicPaths mediaPaths() {
        return PublicPaths.get("/media/{id}", "/media/{id}/thumbnail");
    }
}
