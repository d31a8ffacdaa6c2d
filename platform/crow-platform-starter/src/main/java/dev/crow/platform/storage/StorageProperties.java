package dev.crow.platform.storage;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which object store a service uses (prefix {@code crow.platform.storage}).
 *
 * @param type     {@code local} (default) or {@code s3}
 * @param localDir root directory of the local store; default {@code ~/.crow/objects/<service-name>}
 * @param s3       the bucket, for {@code type=s3}
 */
@ConfigurationProperties("crow.platform.storage")
public record StorageProperties(@DefaultValue("local") Type type, Path localDir, @DefaultValue S3 s3) {

    public enum Type {
        LOCAL, S3
    }

    /**
     * @param endpoint  the S3 API endpoint (R2: {@code https://<account>.r2.cloudflarestorage.com},
     *                  MinIO: its URL); empty for AWS itself
     * @param region    signing region ({@code auto} for R2)
     * @param bucket    bucket name
     * @param accessKey access key id (env {@code CROW_PLATFORM_STORAGE_S3_ACCESS_KEY})
     * @param secretKey secret access key (env {@code CROW_PLATFORM_STORAGE_S3_SECRET_KEY})
     * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), which MinIO needs
     * @param keyPrefix prefix for every key, default {@code <service-name>/}
     */
    public record S3(URI endpoint, @DefaultValue("auto") String region, String bucket, String accessKey,
            String secretKey, @DefaultValue("true") boolean pathStyle, String keyPrefix) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
        }
    }
}
