package archfixtures;

/** Breaks "no Math.random". */
class UsesMathRandom {

    double roll() {
        return Math.random();
    }
}
