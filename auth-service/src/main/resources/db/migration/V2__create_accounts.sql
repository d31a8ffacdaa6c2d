-- Ways to sign in (Better Auth's "account"); only the password credential so far.
create table accounts (
    id            uuid primary key,
    user_id       uuid         not null references users (id) on delete cascade,
    provider_id   varchar(32)  not null,
    account_id    varchar(254) not null,
    password_hash varchar(256),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint accounts_provider_account_unique unique (provider_id, account_id)
);
create index accounts_user_id on accounts (user_id);
