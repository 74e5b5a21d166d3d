package archfixtures;

import java.util.Random;

/** Breaks "no java.util.Random". */
class UsesRandom {

    int roll() {
        return new Random().nextInt(6);
    }
}
