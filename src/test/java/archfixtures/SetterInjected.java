package archfixtures;

import org.springframework.beans.factory.annotation.Autowired;

/** Breaks "no setter injection". */
class SetterInjected {

    private Object dependency;

    @Autowired
    void setDependency(Object dependency) {
        this.dependency = dependency;
    }

    Object dependency() {
        return dependency;
    }
}
