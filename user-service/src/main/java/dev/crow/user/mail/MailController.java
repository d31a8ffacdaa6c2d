package dev.crow.user.mail;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.user.directory.Directory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sending a templated mail: admins to members of their own organization
 * ({@code POST /api/v1/notifications/send}), services to anyone ({@code POST /internal/notifications/send},
 * e.g. org-service's invitations). Both answer 202: the mail is queued and sent with retries.
 */
@RestController
class MailController {

    private final MailQueue queue;
    private final Directory directory;

    MailController(MailQueue queue, Directory directory) {
        this.queue = queue;
        this.directory = directory;
    }

    /**
     * @param to             recipient email
     * @param template       invitation, welcome, password-reset or email-verification
     * @param data           the template's placeholders
     * @param organizationId (internal only) the organization the mail is about
     */
    record SendMail(@NotBlank @Size(max = 254) String to, @NotBlank @Size(max = 64) String template,
            @Size(max = 20) Map<String, Object> data, UUID organizationId) {
    }

    @PostMapping("/api/v1/notifications/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MailQueue.QueuedMail send(@Valid @RequestBody SendMail request, CallerContext caller) {
        caller.requireAdmin();
        if (!MailTemplates.NAMES.contains(request.template())) {
            throw CrowException.invalid("template");
        }
        UUID organizationId = Directory.organizationOf(caller);
        String recipient = MailQueue.recipient(request.to());
        if (directory.memberByEmail(organizationId, recipient).isEmpty()) {
            throw CrowException.forbidden("Mail can only be sent to members of your organization");
        }
        return queue.queue(recipient, request.template(), request.data(), organizationId, "user:" + caller.userId());
    }

    @PostMapping("/internal/notifications/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    MailQueue.QueuedMail sendInternal(@Valid @RequestBody SendMail request) {
        return queue.queue(request.to(), request.template(), request.data(), request.organizationId(), "service");
    }
}
