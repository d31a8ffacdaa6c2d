package dev.crow.platform.storage;

import dev.crow.platform.config.CrowPlatformProperties;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The service's {@link ObjectStore}: a directory by default, an S3-compatible bucket with
 * {@code crow.platform.storage.type=s3} (the service must then depend on
 * {@code software.amazon.awssdk:s3}, which the starter only declares as optional).
 */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObjectStore.class)
    @ConditionalOnProperty(name = "crow.platform.storage.type", havingValue = "local", matchIfMissing = true)
    ObjectStore localObjectStore(StorageProperties storage, CrowPlatformProperties platform) {
        Path root = storage.localDir() != null ? storage.localDir()
                : Path.of(System.getProperty("user.home"), ".crow", "objects", platform.serviceName());
        return new LocalObjectStore(root);
    }

    /** The S3-compatible store; only with the AWS SDK on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(S3Client.class)
    @ConditionalOnProperty(name = "crow.platform.storage.type", havingValue = "s3")
    static class S3Store {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(S3Client.class)
        S3Client crowS3Client(StorageProperties storage) {
            StorageProperties.S3 s3 = storage.s3();
            if (s3.bucket() == null || s3.accessKey() == null || s3.secretKey() == null) {
                throw new IllegalStateException("crow.platform.storage.type=s3 needs crow.platform.storage.s3.bucket, "
                        + "access-key and secret-key (env CROW_PLATFORM_STORAGE_S3_ACCESS_KEY / _SECRET_KEY)");
            }
            S3ClientBuilder builder = S3Client.builder()
                    .region(Region.of(s3.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                    .forcePathStyle(s3.pathStyle())
                    // R2 and MinIO reject or mishandle the SDK's default streaming checksums
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            if (s3.endpoint() != null) {
                builder.endpointOverride(s3.endpoint());
            }
            return builder.build();
        }

        @Bean
        @ConditionalOnMissingBean(ObjectStore.class)
        ObjectStore s3ObjectStore(S3Client client, StorageProperties storage, CrowPlatformProperties platform) {
            String prefix = storage.s3().keyPrefix() != null ? storage.s3().keyPrefix() : platform.serviceName() + "/";
            return new S3ObjectStore(client, storage.s3().bucket(), prefix);
        }
    }
}
