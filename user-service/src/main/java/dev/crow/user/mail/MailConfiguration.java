package dev.crow.user.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Picks the transport: Spring Boot configures a {@link JavaMailSender} exactly when {@code spring.mail.host} is set. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp) {
        JavaMailSender sender = smtp.getIfAvailable();
        return sender != null ? new SmtpMailTransport(sender) : new LoggingMailTransport();
    }
}
