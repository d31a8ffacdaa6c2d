-- Password reset and email verification tokens: hashed, single-use, expiring.
create table verification_tokens (
    id         uuid primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    purpose    varchar(32) not null,
    token_hash varchar(64) not null,
    expires_at timestamp with time zone not null,
    created_at timestamp with time zone not null,
    constraint verification_tokens_token_hash_unique unique (token_hash),
    constraint verification_tokens_purpose_known check (purpose in ('RESET_PASSWORD', 'VERIFY_EMAIL'))
);
create index verification_tokens_user_id on verification_tokens (user_id);
