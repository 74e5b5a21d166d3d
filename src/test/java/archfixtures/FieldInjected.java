package archfixtures;

import org.springframework.beans.factory.annotation.Autowired;

/** Breaks "no field injection". */
class FieldInjected {

    @Autowired
    Object dependency;
}
