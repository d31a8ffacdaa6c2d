package dev.crow.auth.apikey;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.auth.Hashes;
import dev.crow.platform.config.CrowPlatformProperties;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Better Auth's {@code api-key/verify} for other services. It sits under the public auth
 * routes (where the platform's {@code /internal/**} guard does not reach), so it checks the
 * service key itself. It always answers 200 with {@code valid} saying whether the key works.
 */
@RestController
class ApiKeyVerifyController {

    private final ApiKeys apiKeys;
    private final String serviceKey;

    ApiKeyVerifyController(ApiKeys apiKeys, CrowPlatformProperties platform) {
        this.apiKeys = apiKeys;
        this.serviceKey = platform.serviceKey();
    }

    @PostMapping("/api/v1/auth/api-key/verify")
    VerifyResponse verify(@RequestHeader(name = "X-Service-API-Key", required = false) String presentedServiceKey,
            @RequestBody VerifyRequest body) {
        if (!Hashes.constantTimeEquals(serviceKey, presentedServiceKey)) {
            throw new CrowException(ErrorKind.UNAUTHORIZED, "Service key required");
        }
        ApiKeyCheck check = apiKeys.verify(body.key());
        if (!check.valid()) {
            return new VerifyResponse(false, new VerifyError(check.failure().message(), check.failure().name()), null);
        }
        return new VerifyResponse(true, null, check.key().view());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VerifyRequest(String key) {
    }

    record VerifyError(String message, String code) {
    }

    record VerifyResponse(boolean valid, VerifyError error, ApiKeyView key) {
    }
}
