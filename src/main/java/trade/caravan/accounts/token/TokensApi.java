package trade.caravan.accounts.token;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import trade.caravan.accounts.MemberPrincipal;
import trade.caravan.platform.CursorPage;

/**
 * API tokens over the API. Managing tokens needs a signed-in owner or admin (a session, with its
 * CSRF token): a token can never mint or revoke tokens.
 */
@RestController
@RequestMapping("/api/v1/api-tokens")
@PreAuthorize("hasAuthority('tokens:manage') and hasAuthority('SIGNED_IN')")
@Tag(name = "API tokens", description = "Tokens of the caller's organization (session only)")
class TokensApi {

    private final TokenManagement tokens;

    TokensApi(TokenManagement tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@NotBlank @Size(max = 80) String name, @NotEmpty Set<TokenScope> scopes,
            @Min(1) @Max(365) int validDays) {
    }

    @GetMapping
    @Operation(summary = "List tokens, newest first (never their secrets)")
    CursorPage<ApiTokenView> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return tokens.page(cursor, CursorPage.limit(limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One token")
    ApiTokenView get(@PathVariable UUID id) {
        return tokens.find(id);
    }

    @PostMapping
    @Operation(summary = "Create a token", description = "The value is in this response only; store it now.")
    ResponseEntity<IssuedApiToken> create(@AuthenticationPrincipal MemberPrincipal member,
            @Valid @RequestBody TokenRequest request) {
        IssuedApiToken issued = tokens.create(member, request.name(), request.scopes(), request.validDays());
        return ResponseEntity.created(URI.create("/api/v1/api-tokens/" + issued.token().id())).body(issued);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token at once")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal MemberPrincipal member, @PathVariable UUID id) {
        tokens.revoke(member, id);
        return ResponseEntity.noContent().build();
    }
}
