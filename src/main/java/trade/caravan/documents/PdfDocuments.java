package trade.caravan.documents;

import java.util.List;
import java.util.Locale;

/**
 * Renders documents as PDF/A-3b (ISO 19005-3): every font embedded (WenQuanYi Micro Hei for Latin
 * and Chinese alike), an sRGB output intent, XMP metadata, and machine-readable files attached as
 * associated files of the document. The source is XHTML with its own CSS.
 */
public interface PdfDocuments {

    /**
     * @param xhtml       a well-formed XHTML document; it may not load anything from outside
     * @param title       the document's title (document information and XMP metadata)
     * @param language    the document's main language
     * @param attachments files carried inside, each listed as an associated file of the document
     */
    byte[] render(String xhtml, String title, Locale language, List<PdfAttachment> attachments);
}
