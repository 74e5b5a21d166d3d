/**
 * The offline verifier: checks a document with only the platform's CA certificate, the
 * transparency log's public key and, optionally, a log receipt — no server, no network, no Spring.
 * Run as {@code java -jar caravan.jar verify ...} ({@link trade.caravan.CaravanApplication}), hence
 * a named interface of the module: the application's entry point calls it before Spring starts.
 */
@NamedInterface("offline")
@NullMarked
package trade.caravan.documents.offline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
