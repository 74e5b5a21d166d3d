package trade.caravan.accounts.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the options of a passkey registration between its two requests, in memory, by session.
 * Spring Security's default keeps them in the HTTP session, but they are not serializable and our
 * sessions live in PostgreSQL (spring-projects/spring-security#16431). A ceremony lasts seconds:
 * entries expire after {@link #TTL}. With several nodes, registration needs sticky sessions for
 * those seconds; sign-in with a passkey does not (its options are serializable).
 */
@Component
class RegistrationCeremonies implements PublicKeyCredentialCreationOptionsRepository {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_CEREMONIES = 10_000;

    private record Ceremony(PublicKeyCredentialCreationOptions options, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Ceremony> ceremonies = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ceremony> eldest) {
            return size() > MAX_CEREMONIES;
        }
    };

    RegistrationCeremonies(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            @Nullable PublicKeyCredentialCreationOptions options) {
        String session = request.getSession(true).getId();
        synchronized (ceremonies) {
            if (options == null) {
                ceremonies.remove(session);
            } else {
                ceremonies.put(session, new Ceremony(options, clock.instant().plus(TTL)));
            }
        }
    }

    @Override
    public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        synchronized (ceremonies) {
            Ceremony ceremony = ceremonies.get(session.getId());
            if (ceremony == null || ceremony.expires().isBefore(clock.instant())) {
                ceremonies.remove(session.getId());
                return null;
            }
            return ceremony.options();
        }
    }
}
