package dev.crow.org;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * org-service settings (prefix {@code crow.organizations}).
 *
 * @param appUrl                the dashboard's URL; invitation links point at {@code <appUrl>/invitations/accept}
 * @param invitationTtl         how long an invitation can be accepted
 * @param maxPendingInvitations open invitations an organization may have at once
 */
@ConfigurationProperties("crow.organizations")
public record OrgProperties(@DefaultValue("http://localhost:3000") String appUrl,
        @DefaultValue("7d") Duration invitationTtl, @DefaultValue("200") int maxPendingInvitations) {
}
