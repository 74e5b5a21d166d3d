package trade.caravan.catalog.media;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import trade.caravan.catalog.AttachmentScreening;
import trade.caravan.catalog.ScreenedFile;

/**
 * Attachments under the rules of product uploads: an image goes through {@link MediaLibrary#prepareImage}
 * and a PDF through {@link MediaLibrary#checkCertificate}, so the limits and checks cannot drift
 * apart. The type is sniffed first only to choose between the two and to refuse anything else with
 * a message that names both kinds.
 */
@Component
class AttachmentScreener implements AttachmentScreening {

    private final MediaLibrary library;
    private final MediaSettings settings;

    AttachmentScreener(MediaLibrary library, MediaSettings settings) {
        this.library = library;
        this.settings = settings;
    }

    @Override
    public ScreenedFile screen(@Nullable String fileName, byte[] bytes) {
        return screen(new Upload(fileName, bytes));
    }

    @Override
    public ScreenedFile screen(@Nullable MultipartFile file) {
        return screen(Upload.of(file, Math.max(settings.maxImageBytes().toBytes(), settings.maxDocumentBytes().toBytes())));
    }

    private ScreenedFile screen(Upload upload) {
        if (upload.bytes().length == 0) {
            throw UploadRefused.empty();
        }
        FileFormat format = FileFormat.sniff(upload.bytes()).orElseThrow(UploadRefused::unsupportedAttachment);
        if (format.isImage()) {
            PreparedImage prepared = library.prepareImage(upload);
            PreparedImage.Encoded image = prepared.image();
            return new ScreenedFile(SafeFileName.withExtension(SafeFileName.of(upload.fileName(), "image"),
                    image.extension()), image.contentType(), image.bytes(), MediaLibrary.sha256(image.bytes()),
                    prepared.thumbnail().bytes());
        }
        Upload pdf = library.checkCertificate(upload);
        return new ScreenedFile(SafeFileName.withExtension(SafeFileName.of(pdf.fileName(), "document"), "pdf"),
                FileFormat.PDF.contentType(), pdf.bytes(), MediaLibrary.sha256(pdf.bytes()), null);
    }
}
