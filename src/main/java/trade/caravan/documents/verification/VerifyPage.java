package trade.caravan.documents.verification;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import trade.caravan.documents.DocumentVerification;
import trade.caravan.documents.Verdict;
import trade.caravan.platform.AnonymousPages;
import trade.caravan.platform.RateLimits;

/**
 * The public verify page ({@code /verify}, no sign-in): upload a PDF or XML file, read the verdict
 * in the reader's language. Green only for a valid, current document; amber when DSS cannot
 * decide or the log says the document was replaced; red when a signature fails, the document was
 * revoked, or the file was refused. The uploaded bytes are checked in memory and not kept.
 */
@Controller
class VerifyPage {

    private final DocumentVerification verification;
    private final RateLimits rateLimits;
    private final VerificationSettings settings;

    VerifyPage(DocumentVerification verification, RateLimits rateLimits, VerificationSettings settings) {
        this.verification = verification;
        this.rateLimits = rateLimits;
        this.settings = settings;
    }

    @GetMapping("/verify")
    String form(HttpServletRequest request) {
        anonymousWithoutSession(request);
        return "documents/verify";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpServletRequest request,
            Model model) throws IOException {
        anonymousWithoutSession(request);
        if (file == null || file.isEmpty()) {
            model.addAttribute("missingFile", true);
            return "documents/verify";
        }
        rateLimits.consume("document-verify", request.getRemoteAddr(), settings.perAddressPerMinute(), Duration.ofMinutes(1));
        Verdict verdict = file.getSize() > DocumentVerification.MAX_BYTES
                ? verification.verify(new byte[DocumentVerification.MAX_BYTES + 1])
                : verification.verify(file.getBytes());
        model.addAttribute("verdict", verdict);
        model.addAttribute("tone", tone(verdict));
        return "documents/verify";
    }

    /** green, amber or red, as the page shows the verdict. */
    static String tone(Verdict verdict) {
        if (verdict.validAndCurrent()) {
            return "valid";
        }
        if (verdict.outcome() == Verdict.Outcome.INVALID || verdict.outcome() == Verdict.Outcome.REJECTED
                || verdict.log().state() == Verdict.LogState.REVOKED) {
            return "invalid";
        }
        return "indeterminate";
    }

    private static void anonymousWithoutSession(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            AnonymousPages.withoutSession(request);
        }
    }
}
