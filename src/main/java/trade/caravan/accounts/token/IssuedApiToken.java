package trade.caravan.accounts.token;

/** A token just created: the only time its full value is available. */
public record IssuedApiToken(ApiTokenView token, String value) {
}
