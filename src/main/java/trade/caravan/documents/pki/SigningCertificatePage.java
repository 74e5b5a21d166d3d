package trade.caravan.documents.pki;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.TenantPrincipal;

/**
 * The organization's signing certificate page: the certificate it signs with (platform-issued or
 * uploaded), the upload of a PKCS#12 file from an external CA, and its removal. Members who may
 * sign ({@code documents:sign}, owners and admins) only.
 */
@Controller
@PreAuthorize("hasAuthority('documents:sign')")
class SigningCertificatePage {

    static final String PATH = "/organization/signing-certificate";

    private final OrganizationCredentials credentials;
    private final UploadedCredentials uploaded;
    private final PkiSettings settings;

    SigningCertificatePage(OrganizationCredentials credentials, UploadedCredentials uploaded, PkiSettings settings) {
        this.credentials = credentials;
        this.uploaded = uploaded;
        this.settings = settings;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal TenantPrincipal principal, Model model) {
        model.addAttribute("certificates", credentials.certificatesOf(principal.organizationId()));
        model.addAttribute("maxKib", settings.maxUploadBytes().toKilobytes());
        return "documents/signing-certificate";
    }

    @PostMapping(PATH)
    String upload(@AuthenticationPrincipal TenantPrincipal principal, Authentication authentication,
            @RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            uploaded.upload(principal.organizationId(), authentication.getName(),
                    Pkcs12Upload.read(file, settings.maxUploadBytes().toBytes()), password.toCharArray());
        } catch (DomainException refusal) {
            if (refusal.kind() == DomainException.Kind.FORBIDDEN) {
                throw refusal;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("uploadError", refusal);
            return show(principal, model);
        }
        redirect.addFlashAttribute("uploaded", true);
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/remove")
    String remove(@AuthenticationPrincipal TenantPrincipal principal, Authentication authentication,
            RedirectAttributes redirect) {
        if (uploaded.remove(principal.organizationId(), authentication.getName())) {
            redirect.addFlashAttribute("removed", true);
        }
        return "redirect:" + PATH;
    }
}
