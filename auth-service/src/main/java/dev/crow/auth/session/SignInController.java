package dev.crow.auth.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.auth.account.AccountRegistration;
import dev.crow.auth.account.Credentials;
import dev.crow.auth.account.User;
import dev.crow.auth.account.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Better Auth's email-and-password routes. Both start a session and set its cookie. */
@RestController
@RequestMapping("/api/v1/auth")
class SignInController {

    private final AccountRegistration registration;
    private final Credentials credentials;
    private final Sessions sessions;

    SignInController(AccountRegistration registration, Credentials credentials, Sessions sessions) {
        this.registration = registration;
        this.credentials = credentials;
        this.sessions = sessions;
    }

    @PostMapping("/sign-up/email")
    SignUpResponse signUp(@RequestBody SignUpRequest body, HttpServletRequest request, HttpServletResponse response) {
        User user = registration.register(body.name(), body.email(), body.password());
        SessionState session = sessions.start(user.getId(), request, response);
        return new SignUpResponse(session.token(), UserView.of(user));
    }

    @PostMapping("/sign-in/email")
    SignInResponse signIn(@RequestBody SignInRequest body, HttpServletRequest request, HttpServletResponse response) {
        User user = credentials.verify(body.email(), body.password());
        SessionState session = sessions.start(user.getId(), request, response);
        return new SignInResponse(false, session.token(), UserView.of(user));
    }

    /** Only these fields are read; anything else in the body (role, emailVerified, …) is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignUpRequest(String name, String email, String password) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignInRequest(String email, String password) {
    }

    record SignUpResponse(String token, UserView user) {
    }

    record SignInResponse(boolean redirect, String token, UserView user) {
    }
}
