package archfixtures;

/** Breaks "no floating-point money". */
class DoubleMoney {

    double unitPrice;
}
