package trade.caravan.catalog.media;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.platform.Problems;

/**
 * The images and certificate files section of the product page: each action saves at once and
 * returns to the page. A refused upload shows why, with the right status (413, 415, 422, 400),
 * and a way back; a product that is not the caller's is "not found".
 */
@Controller
@RequestMapping("/catalog/products/{id}")
@PreAuthorize("hasAuthority('trade:act')")
class ProductMediaController {

    private final ProductMedia media;
    private final MediaSettings settings;

    ProductMediaController(ProductMedia media, MediaSettings settings) {
        this.media = media;
        this.settings = settings;
    }

    @PostMapping("/images")
    String addImage(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect,
            HttpServletResponse response, Model model) {
        return act(id, "image-added", redirect, response, model,
                () -> media.addImage(member, new ProductId(id), Upload.of(file, settings.maxImageBytes().toBytes())));
    }

    @PostMapping("/images/{image}/remove")
    String removeImage(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @PathVariable UUID image, RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return act(id, "image-removed", redirect, response, model,
                () -> media.removeImage(member, new ProductId(id), image));
    }

    @PostMapping("/images/{image}/move")
    String moveImage(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @PathVariable UUID image, @RequestParam(defaultValue = "1") int offset, RedirectAttributes redirect,
            HttpServletResponse response, Model model) {
        return act(id, "image-moved", redirect, response, model,
                () -> media.moveImage(member, new ProductId(id), image, Integer.signum(offset)));
    }

    @PostMapping("/certificates/{kind}")
    String addCertificate(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @PathVariable CertificationKind kind, @RequestParam(required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return act(id, "certificate-added", redirect, response, model, () -> media.addCertificate(member,
                new ProductId(id), kind, Upload.of(file, settings.maxDocumentBytes().toBytes())));
    }

    @PostMapping("/certificates/{kind}/remove")
    String removeCertificate(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id,
            @PathVariable CertificationKind kind, RedirectAttributes redirect, HttpServletResponse response,
            Model model) {
        return act(id, "certificate-removed", redirect, response, model,
                () -> media.removeCertificate(member, new ProductId(id), kind));
    }

    private String act(UUID product, String outcome, RedirectAttributes redirect, HttpServletResponse response,
            Model model, Runnable action) {
        try {
            action.run();
        } catch (UploadRefused refused) {
            return refused(product, refused.status().value(), refused, response, model);
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.NOT_FOUND || refusal.kind() == DomainException.Kind.FORBIDDEN) {
                throw refusal;
            }
            DomainException shown = refusal instanceof InvalidInput invalid && !invalid.violations().isEmpty()
                    ? new DomainException(refusal.kind(), invalid.violations().getFirst().messageCode(),
                            invalid.violations().getFirst().arguments())
                    : refusal;
            return refused(product, Problems.status(refusal.kind()).value(), shown, response, model);
        }
        redirect.addFlashAttribute("mediaSaved", outcome);
        return "redirect:/catalog/products/" + product + "#media";
    }

    private static String refused(UUID product, int status, DomainException refusal, HttpServletResponse response,
            Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("refusal", refusal);
        model.addAttribute("productId", product);
        return "catalog/media/refused";
    }
}
