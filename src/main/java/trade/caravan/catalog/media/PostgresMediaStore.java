package trade.caravan.catalog.media;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link MediaStore} in the table {@code catalog.media_content} ({@code bytea}), in the caller's transaction. */
@Component
class PostgresMediaStore implements MediaStore {

    private final JdbcClient jdbc;

    PostgresMediaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void put(UUID media, Variant variant, byte[] bytes) {
        jdbc.sql("insert into catalog.media_content (media_id, variant, bytes) values (?, ?, ?)")
                .params(media, variant.name(), bytes)
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> get(UUID media, Variant variant) {
        return jdbc.sql("select bytes from catalog.media_content where media_id = ? and variant = ?")
                .params(media, variant.name())
                .query(byte[].class)
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID media) {
        jdbc.sql("delete from catalog.media_content where media_id = ?").param(media).update();
    }
}
