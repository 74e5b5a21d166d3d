package trade.caravan.accounts.securitylog;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.audit.AuditEntry;
import trade.caravan.audit.AuditTrail;
import trade.caravan.platform.CursorPage;

/** The caller's organization's security log over the API. */
@RestController
@RequestMapping("/api/v1/security-log")
@PreAuthorize("hasAuthority('audit:read')")
@Tag(name = "Security log", description = "The organization's entries of the hash-chained audit trail")
class SecurityLogApi {

    private final AuditTrail trail;

    SecurityLogApi(AuditTrail trail) {
        this.trail = trail;
    }

    record EntryResource(long sequence, Instant occurredAt, String action, @Nullable String actor,
            @Nullable String subject, Map<String, String> details, @Nullable String ipAddress, String hash) {

        static EntryResource of(AuditEntry entry) {
            return new EntryResource(entry.sequence(), entry.occurredAt(), entry.action().name(), entry.actorLabel(),
                    entry.subject(), entry.details(), entry.ipAddress(), entry.hash());
        }
    }

    @GetMapping
    @Operation(summary = "Entries, newest first", description = "Cursor pagination: pass nextCursor back as cursor.")
    CursorPage<EntryResource> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return trail.entriesOfCurrentOrganization(cursor, CursorPage.limit(limit)).map(EntryResource::of);
    }
}
