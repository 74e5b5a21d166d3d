package trade.caravan.documents.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import trade.caravan.documents.PdfAttachment;
import trade.caravan.documents.PdfDocuments;

/**
 * openhtmltopdf in PDF/A-3b mode. The one font family, "Caravan Sans", is WenQuanYi Micro Hei
 * from the class path (see {@code fonts/README.md}), registered once: bold and italic text match the
 * same face (it has one weight), so no style falls back to a standard font that would not be
 * embedded (the tests check every font is embedded). Each registration parses the 5 MB collection,
 * so one registration renders four times as fast as one per weight and style. Nothing outside the
 * document is fetched: the renderer's resource access is closed except for the attachments' own
 * bytes, which are added afterwards with PDFBox (embedded files name tree, the catalog's /AF array,
 * /AFRelationship, MIME subtype and dates on each file), as PDF/A-3 requires.
 */
@Component
class PdfA3Renderer implements PdfDocuments {

    static final String FONT_FAMILY = "Caravan Sans";
    private static final String FONT = "fonts/wqy-microhei.ttc";

    private final byte[] colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private final Clock clock;

    PdfA3Renderer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public byte[] render(String xhtml, String title, Locale language, List<PdfAttachment> attachments) {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFastMode()
                .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B)
                .useColorProfile(colorProfile)
                .withProducer("Caravan")
                .useUriResolver((base, uri) -> null)
                .withHtmlContent(xhtml, null);
        builder.toStream(OutputStream.nullOutputStream());
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.getFontResolver().addFontCollection(PdfA3Renderer::font, FONT_FAMILY, 400, IdentValue.NORMAL, true);
            renderer.layout();
            try (PDDocument document = renderer.createPDFKeepOpen()) {
                document.getDocumentInformation().setTitle(title);
                document.getDocumentCatalog().setLanguage(language.toLanguageTag());
                attach(document, attachments);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering the PDF failed", e);
        }
    }

    private void attach(PDDocument document, List<PdfAttachment> attachments) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        GregorianCalendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        now.setTimeInMillis(clock.millis());
        Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
        COSArray associated = new COSArray();
        for (PdfAttachment attachment : attachments) {
            byte[] content = attachment.content();
            PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
            file.setSubtype(attachment.mediaType());
            file.setSize(content.length);
            file.setCreationDate(now);
            file.setModDate(now);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(attachment.fileName());
            spec.setFileUnicode(attachment.fileName());
            spec.setFileDescription(attachment.description());
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), attachment.relationship().name());
            files.put(attachment.fileName(), spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
        document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    private static InputStream font() {
        try {
            return new ClassPathResource(FONT).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF font " + FONT + " is missing from the class path", e);
        }
    }
}
