package dev.crow.auth.recovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Better Auth's password reset and email verification routes. */
@RestController
@RequestMapping("/api/v1/auth")
class RecoveryController {

    private final PasswordRecovery passwords;
    private final EmailVerification verification;

    RecoveryController(PasswordRecovery passwords, EmailVerification verification) {
        this.passwords = passwords;
        this.verification = verification;
    }

    @PostMapping("/request-password-reset")
    Map<String, Boolean> requestPasswordReset(@RequestBody ResetRequest body) {
        passwords.requestReset(body.email(), body.redirectTo());
        return Map.of("status", true);
    }

    /** The link in the reset message: sends the browser on to the app's reset page with the token. */
    @GetMapping("/reset-password/{token}")
    ResponseEntity<Void> resetPasswordCallback(@PathVariable String token,
            @RequestParam(name = "callbackURL", required = false) String callbackUrl) {
        return redirect(passwords.resetRedirect(token, callbackUrl));
    }

    @PostMapping("/reset-password")
    Map<String, Boolean> resetPassword(@RequestBody NewPasswordRequest body,
            @RequestParam(name = "token", required = false) String queryToken) {
        passwords.reset(body.token() != null ? body.token() : queryToken, body.newPassword());
        return Map.of("status", true);
    }

    @PostMapping("/send-verification-email")
    Map<String, Boolean> sendVerificationEmail(@RequestBody VerificationRequest body) {
        verification.request(body.email(), body.callbackURL());
        return Map.of("status", true);
    }

    /** With a callbackURL the browser is sent there (with {@code ?error=INVALID_TOKEN} on failure). */
    @GetMapping("/verify-email")
    ResponseEntity<?> verifyEmail(@RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "callbackURL", required = false) String callbackUrl) {
        String callback = verification.requireSafeCallback(callbackUrl);
        Optional<UUID> verified = verification.verify(token);
        if (callback != null) {
            return redirect(verified.isPresent() ? callback
                    : RecoveryLinks.withParameter(callback, "error", "INVALID_TOKEN"));
        }
        if (verified.isEmpty()) {
            throw new CrowException(ErrorKind.UNAUTHORIZED, "INVALID_TOKEN", "Invalid token");
        }
        return ResponseEntity.ok(new VerifiedResponse(true, null));
    }

    private static ResponseEntity<Void> redirect(String target) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResetRequest(String email, String redirectTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewPasswordRequest(String newPassword, String token) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VerificationRequest(String email, String callbackURL) {
    }

    record VerifiedResponse(boolean status, Object user) {
    }
}
