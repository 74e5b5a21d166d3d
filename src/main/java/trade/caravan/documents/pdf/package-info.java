/** PDF/A-3 rendering: openhtmltopdf on PDFBox, with the embedded font, colour profile and associated files. */
@NullMarked
package trade.caravan.documents.pdf;

import org.jspecify.annotations.NullMarked;
