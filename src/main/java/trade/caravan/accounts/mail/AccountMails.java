package trade.caravan.accounts.mail;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import trade.caravan.notifications.MailOutbox;
import trade.caravan.notifications.OutgoingMail;
import trade.caravan.platform.Links;

/**
 * The accounts module's e-mails, written in the recipient's language from text templates
 * ({@code templates/accounts/mail/*.txt}) and queued in the outbox within the caller's
 * transaction. Links are absolute, built from the configured public URL.
 */
@Component
public class AccountMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final Links links;
    private final TemplateEngine text;

    AccountMails(MailOutbox outbox, MessageSource messages, Links links) {
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/accounts/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        this.text = engine;
    }

    public void emailVerification(String to, String name, Locale locale, String token) {
        send(to, locale, "email-verification", Map.of(
                "name", name,
                "link", links.absolute("/verify-email?token=" + token)));
    }

    public void alreadyRegistered(String to, Locale locale) {
        send(to, locale, "already-registered", Map.of(
                "signIn", links.absolute("/login"),
                "reset", links.absolute("/password-reset")));
    }

    public void passwordReset(String to, String name, Locale locale, String token) {
        send(to, locale, "password-reset", Map.of(
                "name", name,
                "link", links.absolute("/password-reset/confirm?token=" + token)));
    }

    public void passwordChanged(String to, String name, Locale locale) {
        send(to, locale, "password-changed", Map.of(
                "name", name,
                "reset", links.absolute("/password-reset")));
    }

    public void invitation(String to, Locale locale, String organization, String inviter, String role, String token) {
        send(to, locale, "invitation", Map.of(
                "organization", organization,
                "inviter", inviter,
                "role", role,
                "link", links.absolute("/invitations/accept?token=" + token)));
    }

    private void send(String to, Locale locale, String template, Map<String, Object> variables) {
        var context = new Context(locale, variables);
        String subject = messages.getMessage("mail." + template + ".subject",
                new Object[] {variables.getOrDefault("organization", "")}, locale);
        String body = text.process(template, context);
        outbox.enqueue(new OutgoingMail(to, subject, body, null, template));
    }
}
