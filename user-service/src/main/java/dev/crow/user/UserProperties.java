package dev.crow.user;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * user-service settings (prefix {@code crow.users}).
 *
 * @param publicBaseUrl where clients reach this service (the gateway): profile picture URLs start with it
 * @param pictures      upload limits for profile pictures
 * @param mail          how emails are sent
 */
@ConfigurationProperties("crow.users")
public record UserProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue Pictures pictures,
        @DefaultValue Mail mail) {

    /**
     * @param maxBytes     largest accepted upload (413 above)
     * @param maxDimension width and height of the stored picture are at most this
     * @param maxPixels    largest source image accepted, width × height, read from its header before decoding
     */
    public record Pictures(@DefaultValue("2097152") long maxBytes, @DefaultValue("1024") int maxDimension,
            @DefaultValue("40000000") long maxPixels) {
    }

    /**
     * @param from         sender address
     * @param appUrl       the dashboard's URL; links in mails ({@code …Url} values) must start with it
     * @param pollInterval how often queued mails are picked up
     * @param maxAttempts  attempts before a mail is marked failed
     * @param batchSize    mails claimed per round and instance
     */
    public record Mail(@DefaultValue("CROW <no-reply@crow.local>") String from,
            @DefaultValue("http://localhost:3000") String appUrl,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("20") int batchSize) {
    }
}
