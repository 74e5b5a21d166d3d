package trade.caravan.accounts.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import trade.caravan.accounts.MemberPrincipal;

/**
 * Completes a passkey sign-in: Spring Security has verified the assertion and names the user;
 * this turns it into the same signed-in member as a password plus second factor would (a passkey
 * is itself two factors: the device and its PIN or biometric), with a new session, and answers
 * the JSON the browser script expects.
 */
@Component
public class PasskeySignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final UserDetailsService passkeyUsers;
    private final SignInHandlers handlers;

    PasskeySignIn(UserDetailsService passkeyUsers, SignInHandlers handlers) {
        this.passkeyUsers = passkeyUsers;
        this.handlers = handlers;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        MemberPrincipal member;
        try {
            member = (MemberPrincipal) passkeyUsers.loadUserByUsername(authentication.getName());
        } catch (UsernameNotFoundException e) {
            refuse(response);
            return;
        }
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(member, null,
                member.getAuthorities());
        handlers.establish(signedIn, request, response);
        handlers.completed(request, response, member, "passkey");
        String target = handlers.targetAfterSignIn(request, response).replace("\"", "");
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"authenticated\":true,\"redirectUrl\":\"" + target + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        refuse(response);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(401);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write("{\"authenticated\":false}".getBytes(StandardCharsets.UTF_8));
    }
}
