-- Only base64url(SHA-256(key)) is stored; "start" is the first characters, for display.
create table api_keys (
    id              uuid primary key,
    name            varchar(100),
    start           varchar(16)  not null,
    prefix          varchar(16)  not null,
    key_hash        varchar(64)  not null,
    user_id         uuid         not null references users (id) on delete cascade,
    organization_id uuid         not null references organizations (id) on delete cascade,
    enabled         boolean      not null default true,
    permissions     varchar(512) not null,
    expires_at      timestamp with time zone,
    last_request    timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint api_keys_key_hash_unique unique (key_hash)
);
create index api_keys_user_id on api_keys (user_id);
