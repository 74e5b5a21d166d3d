package trade.caravan.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import trade.caravan.documents.PdfAttachment;
import trade.caravan.support.PdfA;

/**
 * The renderer's output is PDF/A-3b by veraPDF, shows English and Chinese with embedded fonts,
 * carries its attachments as associated files, and fetches nothing the XHTML points to.
 */
class PdfA3RendererTests {

    private final PdfA3Renderer renderer = new PdfA3Renderer(Clock.systemUTC());

    static final String XHTML = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head><title>Sales contract 销售合同</title>
            <style>body { font-family: 'Caravan Sans'; font-size: 11pt; } h1 { font-weight: bold; } em { font-style: italic; }</style>
            </head>
            <body>
            <h1>Sales contract — 销售合同</h1>
            <p>The seller sells and the buyer buys the goods below. <em>卖方出售、买方购买下列货物。</em></p>
            <img src="file:///etc/hostname" alt="" />
            <img src="http://127.0.0.1:9/x.png" alt="" />
            </body>
            </html>""";

    @Test
    void isPdfA3bWithBothLanguagesAndItsAttachments() throws IOException {
        byte[] json = "{\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = renderer.render(XHTML, "Sales contract 销售合同", Locale.ENGLISH, List.of(
                new PdfAttachment("terms.json", "application/json", PdfAttachment.Relationship.Data, "Agreed terms", json)));

        assertThat(PdfA.violationsOf3b(pdf)).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Sales contract", "销售合同", "卖方出售、买方购买下列货物");
            for (COSName name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Sales contract 销售合同");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            var files = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys("terms.json");
            PDComplexFileSpecification spec = files.get("terms.json");
            assertThat(spec.getEmbeddedFile().toByteArray()).isEqualTo(json);
            assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("application/json");
            assertThat(spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Data");
            COSArray associated = (COSArray) document.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.getPDFName("AF"));
            assertThat(associated.size()).isEqualTo(1);
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("no image fetched").isEmpty();
        }
    }

    @Test
    void veraPdfFindsWhatIsNotPdfA() throws IOException {
        // the same document saved as a plain PDF (no output intent, no PDF/A metadata) must fail the check
        try (PDDocument plain = new PDDocument()) {
            plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            assertThat(PdfA.violationsOf3b(out.toByteArray())).isNotEmpty();
        }
    }
}
