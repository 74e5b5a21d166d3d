package archfixtures;

import org.springframework.data.repository.Repository;

/** Breaks "repositories are not public". */
public interface PublicRepository extends Repository<PublicEntity, Long> {
}
