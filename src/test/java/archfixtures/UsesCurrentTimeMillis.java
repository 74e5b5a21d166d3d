package archfixtures;

/** Breaks "no system clock". */
class UsesCurrentTimeMillis {

    long now() {
        return System.currentTimeMillis();
    }
}
