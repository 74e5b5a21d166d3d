package archfixtures;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Breaks "entities are not public". */
@Entity
public class PublicEntity {

    @Id
    Long id;
}
