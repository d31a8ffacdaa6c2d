package dev.crow.auth;

import dev.crow.auth.recovery.AccountMailer;
import dev.crow.auth.recovery.AccountMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every account message so tests can follow the links a user would get by email. */
public class RecordingAccountMailer implements AccountMailer {

    private final List<AccountMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void send(AccountMessage message) {
        messages.add(message);
    }

    public Optional<AccountMessage> latest(String email, AccountMessage.Kind kind) {
        AccountMessage found = null;
        for (AccountMessage message : messages) {
            if (message.email().equals(email) && message.kind() == kind) {
                found = message;
            }
        }
        return Optional.ofNullable(found);
    }
}
