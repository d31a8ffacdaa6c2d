-- Only the SHA-256 of a session token is stored; the token itself lives in the client's cookie.
create table sessions (
    id                     uuid primary key,
    token_hash             varchar(64) not null,
    user_id                uuid        not null references users (id) on delete cascade,
    expires_at             timestamp with time zone not null,
    ip_address             varchar(64),
    user_agent             varchar(512),
    active_organization_id uuid references organizations (id) on delete set null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint sessions_token_hash_unique unique (token_hash)
);
create index sessions_user_id on sessions (user_id);
create index sessions_expires_at on sessions (expires_at);
