package trade.caravan.catalog.media;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import trade.caravan.accounts.Actor;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.product.ProductManagement;
import trade.caravan.catalog.product.ProductView;

/**
 * A product's images and certificate files, for the product pages and the API. The product must
 * be the caller's (else "not found", before any decoding); the file is checked and re-encoded
 * outside any transaction; then storing it and attaching it to the product (and so to a published
 * product's listing) happen in one transaction: a refused attachment leaves no file behind. A
 * file taken off a product is deleted with it unless another product still uses it.
 */
@Service
class ProductMedia {

    private final ProductManagement products;
    private final MediaLibrary library;
    private final TransactionTemplate transaction;

    ProductMedia(ProductManagement products, MediaLibrary library, PlatformTransactionManager transactions) {
        this.products = products;
        this.library = library;
        this.transaction = new TransactionTemplate(transactions);
    }

    MediaView addImage(Actor actor, ProductId product, Upload upload) {
        products.find(product);
        PreparedImage image = library.prepareImage(upload);
        return transaction.execute(status -> {
            MediaView stored = library.storeImage(image, upload.fileName());
            products.attachImage(actor, product, stored.id());
            return stored;
        });
    }

    ProductView removeImage(Actor actor, ProductId product, UUID image) {
        return transaction.execute(status -> {
            ProductView changed = products.detachImage(actor, product, image);
            library.deleteIfUnused(image);
            return changed;
        });
    }

    ProductView moveImage(Actor actor, ProductId product, UUID image, int offset) {
        return products.moveImage(actor, product, image, offset);
    }

    MediaView addCertificate(Actor actor, ProductId product, CertificationKind kind, Upload upload) {
        products.find(product);
        Upload pdf = library.checkCertificate(upload);
        return transaction.execute(status -> {
            UUID previous = certificate(products.find(product), kind);
            MediaView stored = library.storeCertificate(pdf);
            products.attachCertificate(actor, product, kind, stored.id());
            if (previous != null) {
                library.deleteIfUnused(previous);
            }
            return stored;
        });
    }

    ProductView removeCertificate(Actor actor, ProductId product, CertificationKind kind) {
        return transaction.execute(status -> {
            UUID previous = certificate(products.find(product), kind);
            ProductView changed = products.detachCertificate(actor, product, kind);
            if (previous != null) {
                library.deleteIfUnused(previous);
            }
            return changed;
        });
    }

    private static UUID certificate(ProductView product, CertificationKind kind) {
        return product.details().certifications().stream().filter(c -> c.kind() == kind)
                .map(c -> c.certificate()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
