package trade.caravan.reference;

/** A UN M49 geographic region ("150 Europe", "155 Western Europe"), as the statistics division names it. */
public record Region(int code, String name) {
}
