-- Organizations as auth-service announces them; names appear in notifications.
create table organization (
    id         uuid primary key,
    name       text not null,
    slug       text,
    tier       text not null,
    synced_at  timestamp with time zone not null,
    created_at timestamp with time zone not null
);
